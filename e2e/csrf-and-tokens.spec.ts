import { expect, test } from '@playwright/test';
import { PERSONAS, signInAs } from './helpers';

/**
 * The CSRF review finding, replayed: a page on another port of the same host posts text/plain with the admin's
 * cookie to create a user. It must be refused, and no user created. Then the bearer-token path: a token acts as
 * its owner, with the owner's authorization, and stops working once revoked.
 */
test('a cross-port text/plain POST with the admin cookie creates no user', async ({ page, baseURL }) => {
  await signInAs(page, PERSONAS.admin);
  const cookies = await page.context().cookies();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const attackerOrigin = new URL(baseURL!).origin.replace(/:\d+$/, ':9999');
  const attack = await page.request.post('/api/v1/admin/users', {
    headers: { cookie, origin: attackerOrigin, 'content-type': 'text/plain', 'sec-fetch-site': 'same-site' },
    data: JSON.stringify({ email: 'csrf.victim@example.com', name: 'CSRF', globalRoles: ['ADMIN'] }),
  });
  expect(attack.status()).toBe(403);
  expect((await attack.json()) as { code: string }).toMatchObject({ code: 'FORBIDDEN' });
  // Same origin but not JSON is refused too.
  const notJson = await page.request.post('/api/v1/admin/users', {
    headers: { cookie, origin: new URL(baseURL!).origin, 'content-type': 'text/plain' },
    data: JSON.stringify({ email: 'csrf.victim@example.com', name: 'CSRF', globalRoles: ['ADMIN'] }),
  });
  expect(notJson.status()).toBe(415);
  const users = (await (await page.request.get('/api/v1/admin/users')).json()) as { email: string }[];
  expect(users.map((u) => u.email)).not.toContain('csrf.victim@example.com');
});

test('a body over the cap is refused with 413 for an admin', async ({ page, baseURL }) => {
  await signInAs(page, PERSONAS.admin);
  const big = await page.request.post('/api/v1/admin/users', {
    headers: { origin: new URL(baseURL!).origin, 'content-type': 'application/json' },
    data: JSON.stringify({ email: 'big@example.com', name: 'x'.repeat(2 * 1024 * 1024) }),
  });
  expect(big.status()).toBe(413);
  expect(big.headers()['content-type']).toContain('application/problem+json');
});

test('a member creates a token in the UI, uses it with the member’s authorization, and revokes it', async ({
  page,
  playwright,
  baseURL,
}) => {
  await signInAs(page, PERSONAS.memberPayments);
  await page.goto('/account/tokens');
  await page.getByLabel('Name').fill('e2e laptop');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token').locator('pre').textContent())!.trim();
  expect(token).toMatch(/^bap_/);
  await page.reload();
  await expect(page.getByTestId('new-token')).toHaveCount(0);
  await expect(page.getByText(`${token.slice(0, 12)}…`)).toBeVisible();

  const api = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const mine = await api.get('/api/v1/tokens');
  expect(mine.status()).toBe(200);
  expect(((await mine.json()) as { name: string }[]).map((t) => t.name)).toContain('e2e laptop');
  // A member is not an admin: same authorization as the user.
  expect((await api.get('/api/v1/admin/users')).status()).toBe(403);

  await page.getByRole('button', { name: 'Revoke e2e laptop' }).click();
  await expect(page.getByRole('cell', { name: 'revoked' })).toBeVisible();
  expect((await api.get('/api/v1/tokens')).status()).toBe(401);
  await api.dispose();
});
