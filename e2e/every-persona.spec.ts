import { expect, test } from '@playwright/test';
import { expectAccessible, PERSONAS, signInAs } from './helpers';

/** Each seeded persona signs in through development sign-in, lands on their own page, and that page passes axe. */
const LANDINGS: { persona: keyof typeof PERSONAS; path: RegExp; heading: string; roles: string }[] = [
  { persona: 'leadPayments', path: /\/teams\/payments$/, heading: 'Payments', roles: 'lead of Payments' },
  { persona: 'leadSearch', path: /\/teams\/search$/, heading: 'Search', roles: 'lead of Search' },
  { persona: 'memberPayments', path: /\/teams\/payments$/, heading: 'Payments', roles: 'member of Payments' },
  { persona: 'approver', path: /\/approvals$/, heading: 'Approval queue', roles: 'approver' },
  { persona: 'approver2', path: /\/approvals$/, heading: 'Approval queue', roles: 'approver' },
  { persona: 'finance', path: /\/chargeback$/, heading: 'Chargeback', roles: 'finance' },
  { persona: 'admin', path: /\/admin$/, heading: 'Administration', roles: 'admin' },
];

for (const landing of LANDINGS) {
  test(`${PERSONAS[landing.persona].name} (${landing.roles}) lands on their page`, async ({ page }) => {
    await signInAs(page, PERSONAS[landing.persona]);
    await expect(page).toHaveURL(landing.path);
    await expect(page.getByRole('heading', { level: 1, name: landing.heading, exact: true })).toBeVisible();
    await expect(page.getByTestId('current-roles')).toHaveText(landing.roles);
    await expectAccessible(page);
  });
}
