import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { devSignInEnabled, env, oidcConfigured } from '@/lib/env';
import { logger } from '@/lib/log';
import { isAppError } from '@/lib/errors/app-error';
import { consumeRateLimit, RATE_LIMITS } from '@/lib/rate-limit/consume-rate-limit';
import { authSecret } from './secret';
import { safeCallbackPath } from './safe-callback-path';
import { parseOidcRoleMap, rolesFromGroups } from './map-oidc-groups';
import { SESSION_MAX_AGE_SECONDS, signInUser, signOutSession } from './sign-in-user';

declare module 'next-auth' {
  interface Session {
    sid?: string;
    uid?: string;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
    uid?: string;
  }
}

type TSignedInUser = { id: string; email: string; name: string; sid: string };

function providers(): NextAuthOptions['providers'] {
  const e = env();
  const list: NextAuthOptions['providers'] = [];
  if (oidcConfigured(e)) {
    const roleMap = parseOidcRoleMap(e.OIDC_ROLE_MAP);
    list.push({
      id: 'oidc',
      name: e.OIDC_DISPLAY_NAME,
      type: 'oauth',
      wellKnown: `${e.OIDC_ISSUER!.replace(/\/$/, '')}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      idToken: true,
      checks: ['pkce', 'state'],
      authorization: { params: { scope: e.OIDC_SCOPE } },
      // profile() only sees the ID token's claims, so the groups claim must be released in the ID token.
      async profile(claims: Record<string, unknown>) {
        const email = typeof claims.email === 'string' ? claims.email : undefined;
        if (!email) throw new Error('The identity provider did not release an email claim');
        const name = typeof claims.name === 'string' ? claims.name : email;
        const { userId, sessionId } = await signInUser({
          email,
          name,
          provider: 'oidc',
          globalRoles: rolesFromGroups(claims[e.OIDC_GROUPS_CLAIM], roleMap),
        });
        return { id: userId, email, name, sid: sessionId } satisfies TSignedInUser;
      },
    });
  }
  if (devSignInEnabled(e)) {
    list.push(
      CredentialsProvider({
        id: 'dev',
        name: 'Demo persona',
        credentials: { email: { label: 'Persona e-mail', type: 'email' } },
        async authorize(credentials) {
          // Re-checked here: the provider only exists in demo mode or behind PORTAL_DEV_SIGNIN.
          if (!devSignInEnabled() || !credentials?.email) return null;
          try {
            await consumeRateLimit(`sign-in:${credentials.email.toLowerCase()}`, RATE_LIMITS.signIn);
            const { userId, sessionId } = await signInUser({ email: credentials.email, provider: 'dev' });
            return {
              id: userId,
              email: credentials.email.toLowerCase(),
              name: credentials.email,
              sid: sessionId,
            };
          } catch (error) {
            if (isAppError(error) && error.expected) return null;
            throw error;
          }
        },
      }),
    );
  }
  return list;
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/signin', error: '/signin' },
    providers: providers(),
    callbacks: {
      // After sign-in (dev or OIDC) go back to the page that was asked for, but only to a path of this portal.
      redirect({ url, baseUrl }) {
        if (url === '/signin' || url === `${baseUrl}/signin`) return `${baseUrl}/signin`;
        const path = safeCallbackPath(url, baseUrl);
        return path ? `${baseUrl}${path}` : baseUrl;
      },
      async jwt({ token, user }) {
        if (user) {
          const u = user as unknown as TSignedInUser;
          token.uid = u.id;
          token.sid = u.sid;
        }
        return token;
      },
      async session({ session, token }) {
        session.uid = token.uid;
        session.sid = token.sid;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await signOutSession(token.sid);
      },
    },
    logger: {
      error: (code, metadata) =>
        logger.error(
          { code, metadata: metadata instanceof Error ? metadata.message : undefined },
          'next-auth error',
        ),
      warn: (code) => logger.warn({ code }, 'next-auth warning'),
      debug: () => undefined,
    },
  };
  return cached;
}

export function availableProviders() {
  const e = env();
  return { dev: devSignInEnabled(e), oidc: oidcConfigured(e) ? { name: e.OIDC_DISPLAY_NAME } : null };
}
