import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, PERSONAS, signInAs } from './helpers';

const traps = path.resolve(
  import.meta.dirname,
  '../test/fixtures/lattice-access-logs/traps/traps-crlf-bom.log',
);
// Every record of the traps file starts at 2026-11-02T10:15:00Z.
const RANGE = 'from=2026-11-02T00%3A00%3A00Z&to=2026-11-03T00%3A00%3A00Z';

async function kpi(page: Page, id: string): Promise<string> {
  return (await page.locator(`[data-kpi="${id}"] dd`).textContent()) ?? '';
}

test.describe.configure({ mode: 'serial' });

test('an admin uploads an access-log file, watches it ingest, and a non-log file is refused clearly', async ({
  page,
}) => {
  await signInAs(page, PERSONAS.admin);
  await page.goto('/admin/ingestion');
  await expect(page.getByRole('heading', { name: 'Upload access-log files' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Log file', { exact: true }).setInputFiles(traps);
  await page.getByRole('button', { name: 'Upload and ingest' }).click();
  const run = page.getByTestId('upload-run');
  await expect(run.getByRole('progressbar')).toBeVisible();
  await expect(run).toContainText('succeeded');
  await expect(page.getByTestId('upload-stored')).toHaveText('7');
  await expect(page.getByTestId('upload-malformed')).toHaveText('2');
  await expect(page.getByTestId('ingestion-runs')).toContainText('upload');

  // Same bytes again: recognised, nothing stored twice.
  await page.getByLabel('Log file', { exact: true }).setInputFiles(traps);
  await page.getByRole('button', { name: 'Upload and ingest' }).click();
  await expect(page.getByTestId('upload-run')).toContainText('already ingested');
  await expect(page.getByTestId('upload-stored')).toHaveText('0');

  // A file named like a log that is not one is refused by the server; another type by the page.
  await page.getByLabel('Log file', { exact: true }).setInputFiles({
    name: 'notes.log',
    mimeType: 'text/plain',
    buffer: Buffer.from('These are meeting notes, not an access log.\n'.repeat(4)),
  });
  await page.getByRole('button', { name: 'Upload and ingest' }).click();
  await expect(page.getByTestId('upload-error')).toContainText('is not an access-log file');
  await page
    .getByLabel('Log file', { exact: true })
    .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50]) });
  await page.getByRole('button', { name: 'Upload and ingest' }).click();
  await expect(page.getByText('"photo.png" is not a log file')).toBeVisible();
});

test('the team page shows the right totals and its CSV matches them', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, PERSONAS.leadPayments);
  await page.goto(`/teams/payments/usage?${RANGE}`);
  await expect(page.getByRole('heading', { level: 1, name: /usage/ })).toBeVisible();
  await expect(page.getByTestId('watermark')).toContainText('complete through 2026-11-02 10:15 UTC');
  expect(await kpi(page, 'requests')).toBe('5');
  expect(await kpi(page, 'allowed')).toBe('4');
  expect(await kpi(page, 'denied')).toBe('1');
  expect(await kpi(page, 'errors5xx')).toBe('1');
  expect(await kpi(page, 'bytesReceived')).toBe('500 B');
  expect(await kpi(page, 'bytesSent')).toBe('3.0 KB');
  await expectAccessible(page);

  const table = page.getByTestId('usage-by-model');
  const download = page.waitForEvent('download');
  await table.getByRole('button', { name: /Download CSV/ }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8').trim().split('\r\n');
  expect(csv[0]).toBe(
    'model,requests,allowed,denied,errors5xx,errorRate,p50Ms,p95Ms,p99Ms,bytesReceived,bytesSent',
  );
  const rows = Object.fromEntries(csv.slice(1).map((l) => [l.split(',')[0], l.split(',')]));
  expect(rows['amazon.nova-lite-v1:0']?.slice(1, 5)).toEqual(['4', '4', '0', '1']);
  expect(rows['amazon.nova-lite-v1:0']?.slice(9)).toEqual(['400', '3000']);
  expect(rows['anthropic.claude-3-haiku-20240307-v1:0']?.slice(1, 5)).toEqual(['1', '0', '1', '0']);
  const total = csv.slice(1).reduce((n, l) => n + Number(l.split(',')[1]), 0);
  expect(String(total)).toBe(await kpi(page, 'requests'));

  // The range lives in the URL: a preset replaces it.
  await page.getByRole('combobox', { name: 'Range preset' }).selectOption('90d');
  await expect(page).toHaveURL(/range=90d/);
});

test('a team lead of another team cannot see them', async ({ page }) => {
  await signInAs(page, PERSONAS.leadSearch);
  expect((await page.goto(`/teams/payments/usage?${RANGE}`))?.status()).toBe(403);
  const res = await page.request.get(`/api/v1/usage/teams/payments?${RANGE}`);
  expect(res.status()).toBe(403);
  const overview = await page.request.get(`/api/v1/usage/overview?${RANGE}`);
  const body = await overview.json();
  expect(body.totals.requests).toBe(0);
  expect(body.unattributedCallers).toEqual([]);
  expect((await page.goto('/admin/ingestion'))?.status()).toBe(403);
});

test('approvers see the org overview with unattributed callers', async ({ page }) => {
  await signInAs(page, PERSONAS.approver);
  await page.getByRole('link', { name: 'Usage', exact: true }).click();
  await page.goto(`/usage?${RANGE}`);
  expect(await kpi(page, 'requests')).toBe('7');
  await expect(page.getByRole('heading', { name: 'Unattributed callers' })).toBeVisible();
  await expectAccessible(page);
});
