import { expect, test } from '@playwright/test';
import { PERSONAS, signInAs } from './helpers';

/**
 * Secrets never reach the client: the OIDC client secret, the sandbox's secret key and session tokens must not
 * appear in any page or script the browser receives, whoever is signed in.
 */
const SECRETS = ['e2e-client-secret-not-a-real-secret', 'sandbox-secret-access-key'];

test('no secret appears in the HTML or JavaScript served to a signed-in admin', async ({ page }) => {
  const bodies: string[] = [];
  page.on('response', async (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (/html|javascript|json|text\/x-component/.test(type)) {
      bodies.push(await response.text().catch(() => ''));
    }
  });
  await signInAs(page, PERSONAS.admin);
  for (const path of ['/admin', '/admin/estate', '/estate', '/what-if', '/audit', '/admin/users']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(bodies.length).toBeGreaterThan(10);
  for (const secret of SECRETS) {
    expect(bodies.filter((b) => b.includes(secret))).toHaveLength(0);
  }
  // The session cookie is not readable from scripts.
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.includes('next-auth.session-token'));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Lax');
});
