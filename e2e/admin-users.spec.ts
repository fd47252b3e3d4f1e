import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, PERSONAS, sameOrigin, signInAs } from './helpers';

const mo = PERSONAS.memberPayments;

async function userIdOf(page: Page, email: string): Promise<string> {
  const res = await page.request.get('/api/v1/admin/users');
  expect(res.status()).toBe(200);
  const users = (await res.json()) as { id: string; email: string }[];
  const user = users.find((u) => u.email === email);
  expect(user, `${email} is listed`).toBeDefined();
  return user!.id;
}

test('an admin disables Mo (signed out at once, cannot sign in), re-enables him, and he can sign in again', async ({
  page,
  browser,
}) => {
  const moContext = await browser.newContext();
  const staleContext = await browser.newContext();
  const moPage = await moContext.newPage();
  const stalePage = await staleContext.newPage();
  let moId: string | undefined;
  try {
    // Mo is signed in somewhere, and someone has the sign-in page open with his persona on it.
    await signInAs(moPage, mo);
    await stalePage.goto('/signin');
    await expect(stalePage.getByRole('button', { name: new RegExp(`Sign in as ${mo.name}`) })).toBeVisible();

    await signInAs(page, PERSONAS.admin);
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'People' })
      .click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
    const table = page.getByRole('region', { name: 'Portal users' });
    for (const persona of Object.values(PERSONAS)) {
      await expect(table.getByRole('cell', { name: persona.email, exact: true })).toBeVisible();
    }
    await expectAccessible(page);
    moId = await userIdOf(page, mo.email);

    // An admin cannot disable themselves.
    await table.getByRole('button', { name: `Manage ${PERSONAS.admin.name}` }).click();
    const self = page.getByRole('region', { name: `Manage ${PERSONAS.admin.name}` });
    await expect(self.getByRole('button', { name: 'Disable account' })).toBeDisabled();
    await expect(self.getByRole('checkbox', { name: /Admin/ })).toBeDisabled();

    // Roles round trip on Mo: give Finance, then take it back.
    await table.getByRole('button', { name: `Manage ${mo.name}` }).click();
    const manage = page.getByRole('region', { name: `Manage ${mo.name}` });
    await manage.getByRole('checkbox', { name: /Finance/ }).check();
    await manage.getByRole('button', { name: 'Save roles' }).click();
    await expect(manage.getByRole('status')).toHaveText(`${mo.name}'s global roles: finance.`);
    await manage.getByRole('checkbox', { name: /Finance/ }).uncheck();
    await manage.getByRole('button', { name: 'Save roles' }).click();
    await expect(manage.getByRole('status')).toHaveText(`${mo.name}'s global roles: none.`);

    // Disable asks first; cancelling does nothing.
    await manage.getByRole('button', { name: 'Disable account' }).click();
    const confirm = manage.getByRole('group', { name: new RegExp(`Disable ${mo.name}\\?`) });
    await expect(confirm.getByRole('button', { name: `Yes, disable ${mo.name}` })).toBeFocused();
    await expectAccessible(page);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    await manage.getByRole('button', { name: 'Disable account' }).click();
    await manage.getByRole('button', { name: `Yes, disable ${mo.name}` }).click();
    await expect(manage.getByRole('status')).toHaveText(`${mo.name} is disabled and signed out everywhere.`);
    const moRow = table.getByRole('row').filter({ hasText: mo.email });
    await expect(moRow.getByText('disabled', { exact: true })).toBeVisible();
    await expect(moRow.getByRole('cell').nth(6)).toHaveText('0');

    // Mo's open session is rejected at his next request, and signing in fails.
    await moPage.goto('/');
    await expect(moPage).toHaveURL(/\/signin/);
    await expect(moPage.getByRole('button', { name: new RegExp(`Sign in as ${mo.name}`) })).toHaveCount(0);
    expect((await moPage.request.get('/api/v1/admin/users')).status()).toBe(401);
    await stalePage.getByRole('button', { name: new RegExp(`Sign in as ${mo.name}`) }).click();
    await expect(stalePage.getByRole('alert').filter({ hasText: 'Sign-in failed' })).toContainText(
      'Sign-in failed (unknown or disabled persona)',
    );

    // Re-enable: he signs in again.
    await manage.getByRole('button', { name: 'Enable account' }).click();
    await expect(manage.getByRole('status')).toHaveText(`${mo.name} is enabled and can sign in again.`);
    await signInAs(moPage, mo);

    // Sign out everywhere: his new session ends, he stays enabled.
    await page.reload();
    await page
      .getByRole('region', { name: 'Portal users' })
      .getByRole('button', { name: `Manage ${mo.name}` })
      .click();
    const again = page.getByRole('region', { name: `Manage ${mo.name}` });
    await again.getByRole('button', { name: 'Sign out everywhere' }).click();
    await again.getByRole('button', { name: `Yes, sign ${mo.name} out` }).click();
    await expect(again.getByRole('status')).toContainText(`${mo.name} is signed out everywhere`);
    await moPage.goto('/');
    await expect(moPage).toHaveURL(/\/signin/);
    await signInAs(moPage, mo);
  } finally {
    // Specs share one server: leave Mo enabled whatever happened above.
    if (moId)
      await page.request.post(`/api/v1/admin/users/${moId}/enable`, { data: {}, headers: sameOrigin(page) });
    await moContext.close();
    await staleContext.close();
  }
});

test('an approver opening /admin/users gets the 403 page and the API refuses', async ({ page }) => {
  await signInAs(page, PERSONAS.approver);
  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
  await expectAccessible(page);
  const api = await page.request.get('/api/v1/admin/users');
  expect(api.status()).toBe(403);
  expect((await api.json()) as { code: string }).toMatchObject({ code: 'FORBIDDEN' });
  const post = await page.request.post('/api/v1/admin/users', {
    data: { email: 'x@example.com', name: 'X' },
    headers: sameOrigin(page),
  });
  expect(post.status()).toBe(403);
});
