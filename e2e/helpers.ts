import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const PERSONAS = {
  leadPayments: { email: 'lena.lead@example.com', name: 'Lena Park' },
  leadSearch: { email: 'sam.lead@example.com', name: 'Sam Okafor' },
  memberPayments: { email: 'mo.member@example.com', name: 'Mo Haddad' },
  approver: { email: 'ada.approver@example.com', name: 'Ada Lindqvist' },
  approver2: { email: 'raj.approver@example.com', name: 'Raj Menon' },
  finance: { email: 'fay.finance@example.com', name: 'Fay Dubois' },
  admin: { email: 'ari.admin@example.com', name: 'Ari Novak' },
} as const;

/** Signs in through the development sign-in page by clicking the persona, as a person would. */
export async function signInAs(page: Page, persona: { email: string; name: string }): Promise<void> {
  await page.context().clearCookies();
  await page.goto('/signin');
  await page.getByRole('button', { name: new RegExp(`Sign in as ${persona.name}`) }).click();
  await expect(page.getByTestId('current-roles')).toBeVisible();
  await expect(page.locator('.who').getByText(persona.email, { exact: true })).toBeVisible();
}

/** axe accessibility check of the current page: no serious or critical violations. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

/** Headers a same-origin fetch from a portal page carries: API calls from a test must pass the CSRF check too. */
export function sameOrigin(page: Page): Record<string, string> {
  return { origin: new URL(page.url()).origin };
}
