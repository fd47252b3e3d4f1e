import { expect, test } from '@playwright/test';
import { expectAccessible, PERSONAS, signInAs } from './helpers';

const PROD = 'arn:aws:iam::200000000331:role/genai/payments-prod-invoker';
const LLAMA = 'meta.llama3-8b-instruct-v1:0';

test('a team lead requests access with a preview, an approver approves it, and provisioning starts', async ({
  page,
}) => {
  await signInAs(page, PERSONAS.leadPayments);
  await page.goto('/teams/payments');
  await page.getByRole('link', { name: 'Request model access' }).click();
  await expect(page).toHaveURL(/\/teams\/payments\/request$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Request model access for Payments' }),
  ).toBeVisible();

  await page.getByRole('checkbox', { name: PROD }).check();
  await page
    .getByTestId('request-models')
    .getByRole('row')
    .filter({ hasText: LLAMA })
    .getByRole('checkbox')
    .check();
  await page
    .getByLabel('Why does the team need this access?')
    .fill('Classify payment disputes in the prod pipeline');
  await page.getByRole('radio', { name: '7 days' }).check();
  await page.getByRole('button', { name: 'Preview the effect' }).click();
  const effect = page.getByTestId('request-effect');
  await expect(effect.getByTestId('gained')).toContainText(PROD);
  await expect(effect.getByTestId('gained')).toContainText(LLAMA);
  await expect(effect.getByTestId('policy-size')).toContainText('of 10,240 bytes');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page).toHaveURL(/\/teams\/payments\/request\/[a-z0-9]+$/);
  const requestUrl = page.url();
  const id = requestUrl.split('/').at(-1)!;
  await expect(page.getByTestId('request-summary').locator('[data-status]').first()).toHaveAttribute(
    'data-status',
    'PENDING',
  );

  await signInAs(page, PERSONAS.approver);
  await page.goto('/approvals');
  const row = page.locator(`tr[data-request-id="${id}"]`);
  await expect(row).toContainText('Payments');
  await expect(row.getByRole('link')).toHaveAttribute('href', `/approvals/${id}`);
  await page.goto(`/approvals/${id}`);
  await expect(page).toHaveURL(new RegExp(`/approvals/${id}$`));
  await expect(page.getByTestId('what-if-pairs')).toContainText('ALLOW');
  await expect(page.getByTestId('usage-placeholder')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/Comment/).fill('Fine for 7 days');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('request-summary').locator('[data-status]').first()).toHaveAttribute(
    'data-status',
    /^(PROVISIONING|ACTIVE)$/,
  );

  // The team lead watches the timeline reach ACTIVE: the provisioning run applied the policy and read it back.
  await signInAs(page, PERSONAS.leadPayments);
  await page.goto(requestUrl);
  const timeline = page.getByTestId('status-timeline');
  await expect(timeline.locator('[data-entry="requested"]')).toHaveAttribute('data-state', 'done');
  await expect(timeline).toContainText('ada.approver@example.com');
  await expect(timeline).toHaveAttribute('data-status', 'ACTIVE', { timeout: 45_000 });
  await expect(timeline.locator('[data-entry="active"]')).toHaveAttribute('data-state', 'done');
  await page.goto('/teams/payments');
  await expect(page.getByTestId('team-audit')).toContainText('access-request.approve');
});

test('queue filters live in the URL; nobody approves their own request; a team member cannot request', async ({
  page,
}) => {
  await signInAs(page, PERSONAS.approver);
  await page.goto('/approvals');
  await page.getByLabel('Tier').selectOption('RESTRICTED');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/tier=RESTRICTED/);
  await expect(page.getByLabel('Tier')).toHaveValue('RESTRICTED');

  await signInAs(page, PERSONAS.memberPayments);
  await page.goto('/teams/payments/request');
  await expect(page.getByTestId('lead-only')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit request' })).toHaveCount(0);
  const res = await page.request.get('/approvals');
  expect(res.status()).toBe(403);
});
