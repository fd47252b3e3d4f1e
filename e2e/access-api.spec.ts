import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { PERSONAS, signInAs } from './helpers';

const DEV = 'arn:aws:iam::200000000331:role/payments-dev-invoker';
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const NOVA = 'amazon.nova-lite-v1:0';

function post(page: Page, url: string, data: unknown) {
  const origin = new URL(page.url()).origin;
  return page.request.post(url, { data, headers: { origin, 'content-type': 'application/json' } });
}

async function json<T>(req: APIRequestContext, url: string): Promise<{ status: number; body: T }> {
  const res = await req.get(url);
  return { status: res.status(), body: (await res.json()) as T };
}

test('the JSON API: teams, models, request → list → approve, team scope, cursor pages, OpenAPI', async ({
  page,
}) => {
  await signInAs(page, PERSONAS.leadPayments);
  const teams = await json<{
    items: { slug: string; principals: { arn: string }[]; vpcs: unknown[] }[];
    nextCursor: string | null;
  }>(page.request, '/api/v1/teams');
  expect(teams.status).toBe(200);
  expect(teams.body.items.map((t) => t.slug)).toEqual(['payments']);
  expect(teams.body.items[0]!.principals.map((p) => p.arn)).toContain(DEV);

  const models = await json<{ items: { policyKey: string; tier: string }[] }>(page.request, '/api/v1/models');
  expect(models.body.items.map((m) => m.policyKey)).toEqual(expect.arrayContaining([HAIKU, NOVA]));

  const bad = await post(page, '/api/v1/access-requests', {
    team: 'payments',
    principals: [DEV],
    models: [NOVA],
    vpcId: 'vpc-6269e0d37f2a74de4',
    securityGroupIds: ['sg-0a1b2c3d4e5f60001', 'nope'],
    justification: 'API test request',
    durationDays: 7,
  });
  expect(bad.status()).toBe(422);
  const problem = (await bad.json()) as { code: string; issues: { path: string; message: string }[] };
  expect(problem.issues).toEqual([
    { path: 'securityGroupIds.1', message: '"nope" is not a security group id (sg-…)' },
  ]);

  const created = await post(page, '/api/v1/access-requests', {
    team: 'payments',
    principals: [DEV],
    models: [NOVA],
    justification: 'API test request for the nova lite model',
    durationDays: 7,
  });
  expect(created.status()).toBe(201);
  const request = (await created.json()) as { id: string; status: string };
  expect(request.status).toBe('PENDING');

  const mine = await json<{ items: { id: string }[]; nextCursor: string | null }>(
    page.request,
    '/api/v1/access-requests?team=payments&status=PENDING&limit=1',
  );
  expect(mine.status).toBe(200);
  expect(mine.body.items).toHaveLength(1);
  expect(mine.body).toHaveProperty('nextCursor');
  expect((await post(page, `/api/v1/access-requests/${request.id}/approve`, {})).status()).toBe(403);

  // Another team's lead sees nothing of it.
  await signInAs(page, PERSONAS.leadSearch);
  expect((await page.request.get(`/api/v1/access-requests/${request.id}`)).status()).toBe(404);
  expect((await page.request.get('/api/v1/grants?team=payments')).status()).toBe(403);
  expect((await post(page, `/api/v1/access-requests/${request.id}/cancel`, {})).status()).toBe(404);

  await signInAs(page, PERSONAS.approver);
  const approved = await post(page, `/api/v1/access-requests/${request.id}/approve`, {
    comment: 'ok via API',
  });
  expect(approved.status()).toBe(200);
  expect(((await approved.json()) as { status: string }).status).toMatch(/^(PROVISIONING|ACTIVE)$/);
  const detail = await json<{
    status: string;
    approvals: { decision: string }[];
    runs: { steps: unknown[] }[];
  }>(page.request, `/api/v1/access-requests/${request.id}`);
  expect(detail.body.approvals.map((a) => a.decision)).toEqual(['APPROVE']);
  expect(detail.body.runs).toHaveLength(1);
  const grants = await json<{
    items: {
      requestId: string;
      principal: string;
      model: string;
      status: string;
      expiresAt: string | null;
    }[];
  }>(page.request, '/api/v1/grants?team=payments');
  expect(grants.body.items.filter((g) => g.requestId === request.id)).toEqual([
    expect.objectContaining({ principal: DEV, model: NOVA, expiresAt: expect.any(String) }),
  ]);

  const openapi = await json<{ openapi: string; paths: Record<string, unknown> }>(
    page.request,
    '/api/v1/openapi.json',
  );
  expect(openapi.body.openapi).toBe('3.1.0');
  for (const p of [
    '/api/v1/teams',
    '/api/v1/models',
    '/api/v1/access-requests',
    '/api/v1/access-requests/{id}',
    '/api/v1/access-requests/{id}/approve',
    '/api/v1/access-requests/{id}/reject',
    '/api/v1/access-requests/{id}/cancel',
    '/api/v1/grants',
    '/api/v1/grants/{id}/revoke',
    '/api/v1/estate/auth-policy',
  ])
    expect(Object.keys(openapi.body.paths)).toContain(p);
});
