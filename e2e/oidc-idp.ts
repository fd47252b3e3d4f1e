import http from 'node:http';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider (the `oidc-provider` package) for the sign-in test: authorization code + PKCE, ID tokens
 * carrying email, name and a groups claim, and its built-in development login form.
 */
export const IDP_PORT = 4700;
export const IDP_ISSUER = `http://127.0.0.1:${IDP_PORT}`;

export const IDP_USERS: Record<string, { email: string; name: string; groups: string[] }> = {
  'nora.approver': {
    email: 'nora.approver@example.com',
    name: 'Nora Idp',
    groups: ['genai-approvers', 'staff'],
  },
  'fin.analyst': { email: 'fin.analyst@example.com', name: 'Finn Idp', groups: ['finops'] },
};

export async function startIdp(portalBaseUrl: string): Promise<{ close: () => Promise<void> }> {
  const provider = new Provider(IDP_ISSUER, {
    clients: [
      {
        client_id: 'bedrock-access-portal',
        client_secret: 'e2e-client-secret-not-a-real-secret',
        redirect_uris: [`${portalBaseUrl}/api/auth/callback/oidc`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    async findAccount(_ctx: unknown, id: string) {
      const user = IDP_USERS[id] ?? { email: `${id}@example.com`, name: id, groups: [] };
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: user.email, email_verified: true, name: user.name, groups: user.groups };
        },
      };
    },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['e2e-cookie-key-not-a-secret'] },
  } as never);
  provider.proxy = false;
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(IDP_PORT, '127.0.0.1', resolve));
  return { close: () => new Promise((resolve) => server.close(() => resolve())) };
}
