import { expect, test } from '@playwright/test';
import { expectAccessible, PERSONAS, sameOrigin, signInAs } from './helpers';

const suffix = Date.now().toString(36);
const slug = `ml-platform-${suffix}`;
const teamName = `ML Platform ${suffix}`;
const account = '300000000001';
const principal = `arn:aws:iam::${account}:role/ml/ml-${suffix}-invoker`;

test('an admin creates a team, adds a person, an account and a principal, edits a model, and sees it audited', async ({
  page,
}) => {
  await signInAs(page, PERSONAS.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expectAccessible(page);

  // Create the team; a bad slug first shows the field error from problem+json.
  const create = page.getByRole('region', { name: 'Create a team' });
  await create.getByLabel('Slug').fill('Not A Slug');
  await create.getByLabel('Name', { exact: true }).fill(teamName);
  await create.getByLabel('Cost center').fill('CC-7001');
  await create.getByRole('button', { name: 'Create team' }).click();
  await expect(create.getByText('use lowercase letters, digits and single dashes')).toBeVisible();
  await create.getByLabel('Slug').fill(slug);
  await create.getByRole('button', { name: 'Create team' }).click();
  await expect(create.getByRole('status')).toHaveText(`Team "${teamName}" created.`);
  await expect(page.getByRole('link', { name: teamName, exact: true })).toBeVisible();
  await create.getByRole('link', { name: `Open ${teamName}` }).click();

  await expect(page).toHaveURL(new RegExp(`/admin/teams/${slug}$`));
  await expect(page.getByRole('heading', { level: 1, name: teamName })).toBeVisible();
  await expectAccessible(page);

  const people = page.getByRole('form', { name: 'Add a person' });
  await people.getByLabel('E-mail').fill(`new.${suffix}@example.com`);
  await people.getByLabel('Name').fill('Nia Newcomer');
  await people.getByLabel('Role').selectOption('LEAD');
  await people.getByRole('button', { name: 'Add person' }).click();
  const peopleSection = page.getByRole('region', { name: 'People' });
  await expect(peopleSection.getByRole('status')).toHaveText('Nia Newcomer added as lead (new portal user).');
  await expect(peopleSection.getByRole('cell', { name: 'Nia Newcomer', exact: true })).toBeVisible();

  const accounts = page.getByRole('form', { name: 'Add an account' });
  await accounts.getByLabel('Account id').fill(account);
  await accounts.getByLabel('Environment').fill('prod');
  await accounts.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('region', { name: 'AWS accounts' }).getByRole('status')).toHaveText(
    `Account ${account} added.`,
  );

  const principals = page.getByRole('form', { name: 'Add a principal' });
  await principals.getByLabel('Role ARN').fill('arn:aws:iam::999988887777:role/not-ours');
  await principals.getByRole('button', { name: 'Add principal' }).click();
  await expect(principals.getByText("account 999988887777 is not one of this team's accounts")).toBeVisible();
  await principals.getByLabel('Role ARN').fill(principal);
  await principals.getByRole('button', { name: 'Add principal' }).click();
  const principalSection = page.getByRole('region', { name: 'IAM principals' });
  await expect(principalSection.getByRole('status')).toContainText(
    `${principal} added (account ${account}, path /ml/)`,
  );
  await expect(principalSection.getByRole('cell', { name: principal, exact: true })).toBeVisible();
  await expectAccessible(page);

  // Catalog: make Claude 3 Haiku restricted.
  await page.getByRole('link', { name: 'Model catalog' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Model catalog' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Edit Claude 3 Haiku', exact: true }).click();
  const edit = page.getByRole('region', { name: 'Edit Claude 3 Haiku' });
  const originalTier = await edit.getByLabel('Tier').inputValue();
  await edit.getByLabel('Tier').selectOption('RESTRICTED');
  await edit.getByRole('button', { name: 'Save model' }).click();
  await expect(edit.getByRole('status')).toHaveText('Claude 3 Haiku saved.');
  await expect(
    page.getByRole('row', { name: /Claude 3 Haiku \(Anthropic\)/ }).getByText('restricted'),
  ).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Estate settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Estate settings' })).toBeVisible();
  await expect(page.getByLabel('Model query key')).toHaveValue(/.+/);
  await expectAccessible(page);

  // Every change is in the audit log, attributed to the admin.
  await page.goto('/audit?action=model.update');
  const modelRow = page
    .getByRole('row')
    .filter({ hasText: 'model:anthropic.claude-3-haiku-20240307-v1:0' })
    .first();
  await expect(modelRow).toContainText(PERSONAS.admin.email);
  await expect(modelRow).toContainText('RESTRICTED');
  await page.goto(`/audit?team=${slug}`);
  for (const action of ['team.create', 'team.member.add', 'team.account.add', 'team.principal.add']) {
    await expect(page.getByRole('cell', { name: action, exact: true })).toBeVisible();
  }

  // Put the catalog back as the other flows expect it.
  await page.goto('/admin/models');
  await page.getByRole('button', { name: 'Edit Claude 3 Haiku', exact: true }).click();
  await edit.getByLabel('Tier').selectOption(originalTier);
  await edit.getByRole('button', { name: 'Save model' }).click();
  await expect(edit.getByRole('status')).toHaveText('Claude 3 Haiku saved.');
});

test('an admin adds a VPC, edits its security groups, and moves a principal to another team from a date', async ({
  page,
}) => {
  await signInAs(page, PERSONAS.admin);
  // Two teams of this test's own, set up through the JSON API, so the demo teams other flows rely on stay as seeded.
  const from = `vpc-move-a-${suffix}`;
  const to = `vpc-move-b-${suffix}`;
  const acct = '300000000002';
  const arn = `arn:aws:iam::${acct}:role/mover-${suffix}`;
  const api = async (method: string, url: string, data: unknown) => {
    const r = await page.request.fetch(url, { method, data, headers: sameOrigin(page) });
    expect(r.status(), `${method} ${url}: ${await r.text()}`).toBe(200);
  };
  await api('POST', '/api/v1/admin/teams', { slug: from, name: `Mover A ${suffix}`, costCenter: 'CC-8001' });
  await api('POST', '/api/v1/admin/teams', { slug: to, name: `Mover B ${suffix}`, costCenter: 'CC-8002' });
  await api('POST', `/api/v1/admin/teams/${from}/accounts`, { accountId: acct, environment: 'dev' });
  await api('POST', `/api/v1/admin/teams/${from}/principals`, { arn });

  await page.goto(`/admin/teams/${from}`);
  await expect(page.getByRole('heading', { level: 1, name: `Mover A ${suffix}` })).toBeVisible();

  const vpcForm = page.getByRole('form', { name: 'Add a VPC' });
  await vpcForm.getByLabel('VPC id').fill('vpc-0123abcd');
  await vpcForm.getByLabel('Security groups').fill('sg-0123abcd, sg-bad');
  await vpcForm.getByRole('button', { name: 'Add VPC' }).click();
  await expect(vpcForm.getByText('must be a security group id')).toBeVisible();
  await vpcForm.getByLabel('Security groups').fill('sg-0123abcd');
  await vpcForm.getByRole('button', { name: 'Add VPC' }).click();
  const vpcs = page.getByRole('region', { name: 'VPCs' });
  await expect(vpcs.getByRole('status')).toHaveText('vpc-0123abcd added.');
  await vpcs
    .getByRole('textbox', { name: 'Security groups of vpc-0123abcd' })
    .fill('sg-0123abcd, sg-0123abce');
  await vpcs.getByRole('button', { name: 'Save security groups of vpc-0123abcd' }).click();
  await expect(vpcs.getByRole('status')).toHaveText('Security groups of vpc-0123abcd saved.');

  const principals = page.getByRole('region', { name: 'IAM principals' });
  const move = page.getByRole('form', { name: 'Move a principal to another team' });
  await move.getByLabel('Principal').selectOption(arn);
  await move.getByLabel('To team').selectOption(to);
  await move.getByLabel('Effective from (your local time)').fill('2026-01-15T09:00');
  await move.getByRole('button', { name: 'Move principal' }).click();
  await expect(principals.getByRole('status')).toContainText(`${arn} moved to ${to}`);
  await expect(principals.getByRole('cell', { name: arn, exact: true })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(`/admin/teams/${to}`);
  await expect(
    page.getByRole('region', { name: 'IAM principals' }).getByRole('cell', { name: arn, exact: true }),
  ).toBeVisible();
  await page.goto(`/audit?team=${to}`);
  await expect(page.getByRole('row').filter({ hasText: 'team.principal.move' }).first()).toContainText(from);
});

test('a team lead opening /admin gets the 403 page', async ({ page }) => {
  await signInAs(page, PERSONAS.leadPayments);
  for (const path of ['/admin', '/admin/models', '/admin/estate', '/admin/teams/payments']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
  }
  await expectAccessible(page);
  const api = await page.request.get('/api/v1/admin/teams');
  expect(api.status()).toBe(403);
  expect((await api.json()) as { code: string }).toMatchObject({ code: 'FORBIDDEN' });
});
