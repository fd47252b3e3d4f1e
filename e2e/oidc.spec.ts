import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './helpers';
import { startIdp } from './oidc-idp';

let idp: { close: () => Promise<void> };

test.beforeAll(async ({ baseURL }) => {
  idp = await startIdp(baseURL!);
});
test.afterAll(async () => {
  await idp.close();
});

async function signInThroughIdp(page: Page, login: string) {
  await page.context().clearCookies();
  await page.goto('/signin');
  await page.getByRole('button', { name: 'Sign in with Example SSO' }).click();
  // oidc-provider's development login form, then its consent screen.
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any-password');
  await page.locator('button[type="submit"]').click();
  const consent = page.locator('button[autofocus], button[type="submit"]').first();
  if (await page.url().includes('/interaction/')) await consent.click();
}

test('an approver signs in through the OIDC provider and gets the role mapped from the groups claim', async ({
  page,
}) => {
  await signInThroughIdp(page, 'nora.approver');
  await expect(page).toHaveURL(/\/approvals$/);
  await expect(page.getByRole('heading', { name: 'Approval queue' })).toBeVisible();
  await expect(page.getByTestId('current-roles')).toHaveText('approver');
  await expect(page.getByText('nora.approver@example.com')).toBeVisible();
  await expectAccessible(page);
});

test('a finance user from the IdP lands on chargeback and cannot open the approval queue', async ({
  page,
}) => {
  await signInThroughIdp(page, 'fin.analyst');
  await expect(page).toHaveURL(/\/chargeback$/);
  await expect(page.getByTestId('chargeback-empty')).toBeVisible();
  const response = await page.goto('/approvals');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
});
