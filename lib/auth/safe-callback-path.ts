/**
 * The page to return to after sign-in, reduced to a same-origin path ("/estate?x=1"). Anything that could leave the
 * portal (another origin, "//host", "/\host", a scheme, control characters) gives null, and the caller falls back to
 * the user's home page. An absolute URL is accepted only when its origin is the portal's own (`origin`).
 */
export function safeCallbackPath(value: unknown, origin?: string): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  const base = 'http://portal.invalid';
  let url: URL;
  try {
    if (value.startsWith('/')) {
      if (value.startsWith('//')) return null;
      url = new URL(value, base);
      if (url.origin !== base) return null;
    } else {
      if (!origin) return null;
      url = new URL(value);
      if (url.origin !== new URL(origin).origin) return null;
    }
  } catch {
    return null;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Sending someone back to sign-in (or the auth endpoints) after signing in would loop.
  if (url.pathname === '/signin' || url.pathname.startsWith('/api/auth')) return null;
  return path;
}

/** The sign-in page's URL that returns to `path` afterwards. */
export function signInPathFor(path: string | null | undefined): string {
  const safe = safeCallbackPath(path);
  return safe && safe !== '/' ? `/signin?callbackUrl=${encodeURIComponent(safe)}` : '/signin';
}
