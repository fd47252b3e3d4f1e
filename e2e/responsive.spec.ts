import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, PERSONAS, signInAs } from './helpers';

/** Every page of every persona, at a phone's width and a desktop's: no sideways scrolling, and axe clean. */
const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;

async function expectNoHorizontalScroll(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${what} scrolls sideways`).toBeLessThanOrEqual(innerWidth);
}

async function navHrefs(page: Page): Promise<string[]> {
  return page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

for (const persona of ['leadPayments', 'memberPayments', 'approver', 'finance', 'admin'] as const) {
  test(`${PERSONAS[persona].name}: every page fits 390 px and 1440 px and passes axe`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await signInAs(page, PERSONAS[persona]);
    await page.waitForLoadState('networkidle');
    const pages = new Set([new URL(page.url()).pathname, ...(await navHrefs(page))]);
    if (persona === 'admin') {
      pages.add('/admin/teams/payments');
      pages.add('/admin/users');
    }
    if (persona === 'finance') pages.add('/teams/payments');
    for (const { name, width, height } of WIDTHS) {
      await page.setViewportSize({ width, height });
      for (const path of pages) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(200);
        await expect(page.locator('main')).toHaveCount(1);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectNoHorizontalScroll(page, `${path} at ${name}`);
        await expectAccessible(page);
      }
    }
  });
}

test('at 390 px the navigation is behind an accessible Menu toggle', async ({ page }) => {
  await signInAs(page, PERSONAS.approver);
  await page.waitForLoadState('networkidle');
  await page.setViewportSize({ width: 390, height: 844 });
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Estate' }).click();
  await expect(page).toHaveURL(/\/estate$/);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
});

test('dark mode follows the system and the toggle is kept across reloads without a flash', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await signInAs(page, PERSONAS.finance);
  await page.waitForLoadState('networkidle');
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(await bg()).toBe('rgb(14, 17, 22)');
  await page.getByTestId('theme-toggle').click(); // system → dark (explicit)
  await page.getByTestId('theme-toggle').click(); // dark → light
  expect(await bg()).toBe('rgb(246, 247, 249)');
  await page.reload();
  // Rendered on the server from the cookie: light from the first paint, although the system is dark.
  expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
  expect(await bg()).toBe('rgb(246, 247, 249)');
  await expectAccessible(page);
});

test('a signed-out deep link returns to the page asked for after sign-in', async ({ page }) => {
  await page.context().clearCookies();
  await page.goto('/estate?x=1');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Festate%3Fx%3D1$/);
  await expect(page.getByTestId('signin-return-to')).toContainText('/estate?x=1');
  await page.getByRole('button', { name: new RegExp(`Sign in as ${PERSONAS.approver.name}`) }).click();
  await expect(page).toHaveURL(/\/estate\?x=1$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Estate' })).toBeVisible();

  // Another origin in callbackUrl is ignored: the persona lands on their own home page.
  await page.context().clearCookies();
  await page.goto('/signin?callbackUrl=https%3A%2F%2Fevil.example%2F');
  await expect(page.getByTestId('signin-return-to')).toHaveCount(0);
  await page.getByRole('button', { name: new RegExp(`Sign in as ${PERSONAS.approver.name}`) }).click();
  await expect(page).toHaveURL(/\/approvals$/);
});

test('removing a team member and changing a role ask first, and can be undone', async ({ page }) => {
  await signInAs(page, PERSONAS.admin);
  await page.goto('/admin/teams/payments');
  const row = page.getByRole('row', { name: /Mo Haddad/ });
  await expect(row).toBeVisible();

  await page.getByRole('button', { name: 'Remove Mo Haddad' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Mo Haddad from Payments?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toBeVisible();

  await page.getByRole('button', { name: 'Remove Mo Haddad' }).click();
  await dialog.getByRole('button', { name: 'Remove from team' }).click();
  await expect(page.getByRole('status')).toHaveText('Mo Haddad removed from the team.');
  await expect(row).toHaveCount(0);
  await page.getByRole('button', { name: /Undo: add Mo Haddad back as member/ }).click();
  await expect(page.getByRole('status')).toHaveText('Mo Haddad is back on the team.');
  await expect(row).toBeVisible();

  // The role select stages the change; nothing is saved until it is confirmed.
  const select = page.getByRole('combobox', { name: 'Role of Lena Park' });
  await select.selectOption('MEMBER');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Role of Lena Park' })).toHaveValue('LEAD');
  await page.getByRole('combobox', { name: 'Role of Lena Park' }).selectOption('MEMBER');
  await page.getByRole('button', { name: 'Save role of Lena Park' }).click();
  const demote = page.getByRole('dialog', { name: 'Demote Lena Park to member of Payments?' });
  await demote.getByRole('button', { name: 'Demote to member' }).click();
  await expect(page.getByRole('status')).toHaveText('Lena Park is now a member.');
  await page.getByRole('button', { name: /Undo: make Lena Park a lead again/ }).click();
  await expect(page.getByRole('status')).toHaveText('Lena Park is now a lead.');
});
