import { expect, test } from '@playwright/test';
import { expectAccessible, PERSONAS, signInAs } from './helpers';

test('an approver sees the estate read live from the sandbox AWS through the SDK', async ({ page }) => {
  await signInAs(page, PERSONAS.approver);
  await page.getByRole('link', { name: 'Estate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Estate' })).toBeVisible();
  await expect(page.getByTestId('sn-name')).toHaveText('genai-sn');
  await expect(page.getByTestId('svc-name')).toHaveText('bedrock-proxy');
  // No grants yet: no auth policy, so AWS_IAM denies everything.
  await expect(page.getByTestId('no-auth-policy')).toContainText('every request is denied');
  // The RAM share reaches the five demo workload accounts.
  const share = page.getByRole('region', { name: 'RAM share' });
  for (const account of ['200000000331', '200111111951', '200222222741', '200333333579', '200444444570']) {
    await expect(share.getByRole('cell', { name: account })).toBeVisible();
  }
  await expect(page.getByText('arn:aws:s3:::genai-lattice-access-logs')).toBeVisible();
  // Verified by evaluation: no grants, no policy → exact; the matrix shows nobody allowed.
  await expect(page.getByTestId('verification')).toContainText('Exact');
  await expect(page.getByTestId('access-matrix')).toBeVisible();
  await expect(page.getByText(/^0 of \d+ principal × model combinations are allowed/)).toBeVisible();
  await page.getByRole('button', { name: 'Refresh from AWS' }).click();
  await expect(page.getByTestId('sn-name')).toHaveText('genai-sn');
  await expectAccessible(page);
});

test('an admin sees the estate too, and a finance analyst does not', async ({ page }) => {
  await signInAs(page, PERSONAS.admin);
  await page.goto('/estate');
  await expect(page.getByTestId('svc-name')).toHaveText('bedrock-proxy');
  await signInAs(page, PERSONAS.finance);
  expect((await page.goto('/estate'))?.status()).toBe(403);
  expect((await page.request.get('/api/v1/estate')).status()).toBe(403);
});

test('what-if: a team with no grants is denied by the live policy and by the proposed one', async ({
  page,
}) => {
  await signInAs(page, PERSONAS.approver);
  await page.goto('/what-if');
  await page.getByLabel('Team or principal').selectOption('team:payments');
  await page.getByLabel('Model', { exact: true }).selectOption({ label: 'Anthropic · Claude 3 Haiku' });
  await page.getByRole('button', { name: 'Evaluate' }).click();
  const result = page.getByTestId('what-if-result');
  await expect(result).toBeVisible();
  await expect(result.getByRole('row')).toHaveCount(3);
  await expect(result.getByTestId('live-decision').first()).toContainText('DENY');
  await expect(result.getByTestId('proposed-decision').first()).toContainText('DENY');
  await expect(result.getByTestId('policy-size').first()).toContainText('10,240 bytes');
  // No pending requests: approving them would change nobody's access; the document diff is there to inspect.
  await expect(result.getByTestId('access-change')).toContainText('No change in effective access');
  await result.getByText('Policy document diff (live → proposed)').click();
  await expect(result.getByLabel('Policy document diff')).toContainText('NoActiveGrants');
  await expectAccessible(page);
});

test('what-if: a malformed principal gets a clear error, not a crash', async ({ page }) => {
  await signInAs(page, PERSONAS.approver);
  await page.goto('/what-if?principal=not-an-arn&model=amazon.nova-lite-v1%3A0');
  await expect(page.locator('.error-box')).toContainText('must be an IAM role or user ARN');
});
