import { expect, test } from '@playwright/test';
import { expectAccessible, PERSONAS, signInAs } from './helpers';

test('the sign-in page offers every demo persona and passes axe', async ({ page }) => {
  const response = await page.goto('/signin');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  for (const p of Object.values(PERSONAS)) {
    await expect(page.getByRole('button', { name: new RegExp(`Sign in as ${p.name}`) })).toBeVisible();
  }
  await expectAccessible(page);
});

test('a team lead sees their team, its accounts, principals and (empty) grants', async ({ page }) => {
  await signInAs(page, PERSONAS.leadPayments);
  await expect(page).toHaveURL(/\/teams\/payments$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Payments' })).toBeVisible();
  await expect(
    page.getByText('arn:aws:iam::200000000331:role/genai/payments-prod-invoker').first(),
  ).toBeVisible();
  await expect(page.getByText('200000000331').first()).toBeVisible();
  await expect(page.getByText('No model access yet')).toBeVisible();
  // The catalog the lead can ask for: sensitivity and price per model.
  const opus = page.getByTestId('model-catalog').getByRole('row', { name: /Claude 3 Opus/ });
  await expect(opus).toContainText('two approvers');
  await expect(opus).toContainText('15.00 USD');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Teams' }).click();
  await expect(page.getByRole('cell', { name: 'Payments', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Search', exact: true })).toHaveCount(0);
  await expectAccessible(page);
});

test('a team member sees their team page', async ({ page }) => {
  await signInAs(page, PERSONAS.memberPayments);
  await expect(page.getByRole('heading', { level: 1, name: 'Payments' })).toBeVisible();
  await expect(page.getByText('Your team lead can request access')).toBeVisible();
  await expectAccessible(page);
});

test('a member of one team cannot open another team page (403)', async ({ page }) => {
  await signInAs(page, PERSONAS.memberPayments);
  const response = await page.goto('/teams/search');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
  await expectAccessible(page);
});

test('a lead of another team cannot open Payments either, nor the approver pages', async ({ page }) => {
  await signInAs(page, PERSONAS.leadSearch);
  await expect(page).toHaveURL(/\/teams\/search$/);
  expect((await page.goto('/teams/payments'))?.status()).toBe(403);
  expect((await page.goto('/approvals'))?.status()).toBe(403);
  expect((await page.goto('/estate'))?.status()).toBe(403);
  expect((await page.goto('/admin'))?.status()).toBe(403);
  // A lead reads their own teams' chargeback (issue #9), not other teams'.
  expect((await page.goto('/chargeback'))?.status()).toBe(200);
});

test('an approver sees the empty queue and the navigation for their role', async ({ page }) => {
  await signInAs(page, PERSONAS.approver);
  await expect(page).toHaveURL(/\/approvals$/);
  await expect(page.getByTestId('queue-empty')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Estate' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Chargeback' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await expectAccessible(page);
});

test('finance sees the chargeback page with its explanatory empty state and the price book', async ({
  page,
}) => {
  await signInAs(page, PERSONAS.finance);
  await expect(page).toHaveURL(/\/chargeback$/);
  await expect(page.getByTestId('chargeback-empty')).toContainText('No usage has been ingested yet');
  await expect(page.getByRole('cell', { name: 'anthropic.claude-3-haiku-20240307-v1:0' })).toBeVisible();
  await expectAccessible(page);
});

test('signing out ends the session server-side', async ({ page }) => {
  await signInAs(page, PERSONAS.approver);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/approvals');
  await expect(page).toHaveURL(/\/signin/);
  // Both ends of the session are in the audit log.
  await signInAs(page, PERSONAS.approver2);
  await page.goto('/audit?action=auth.sign-out');
  await expect(page.getByRole('cell', { name: PERSONAS.approver.email }).first()).toBeVisible();
});

test('the JSON API refuses unauthenticated callers with problem+json', async ({ request }) => {
  const res = await request.get('/api/v1/estate');
  expect(res.status()).toBe(401);
  expect(res.headers()['content-type']).toContain('application/problem+json');
  expect((await res.json()).code).toBe('UNAUTHENTICATED');
});
