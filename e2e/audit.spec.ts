import { expect, test } from '@playwright/test';
import { expectAccessible, PERSONAS, signInAs } from './helpers';

test('an approver reads the audit log, filters it and downloads it as CSV', async ({ page }) => {
  await signInAs(page, PERSONAS.approver);
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await page.getByLabel('Action starts with').fill('auth.');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/action=auth\./);
  await expect(page.getByRole('cell', { name: 'auth.sign-in' }).first()).toBeVisible();
  await expectAccessible(page);

  const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
  expect(href).toContain('action=auth.');
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('text/csv');
  const csv = await res.text();
  expect(csv.split('\r\n')[0]).toBe('at,actor,action,target_type,target_id,team,details');
  expect(csv).toContain(`${PERSONAS.approver.email},auth.sign-in`);
  expect(csv).not.toContain('estate.record');
});

test('finance cannot read or export the audit log', async ({ page }) => {
  await signInAs(page, PERSONAS.finance);
  expect((await page.goto('/audit'))?.status()).toBe(403);
  const res = await page.request.get('/api/v1/audit/export');
  expect(res.status()).toBe(403);
  expect((await res.json()).code).toBe('FORBIDDEN');
});
