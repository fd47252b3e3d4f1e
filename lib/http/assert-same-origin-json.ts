import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CORS_SAFELISTED_TYPES = new Set([
  'text/plain',
  'multipart/form-data',
  'application/x-www-form-urlencoded',
]);

/** The origins the portal answers on: its configured public URL, and the origin the request itself was sent to. */
export function portalOrigins(request: Request): Set<string> {
  const origins = new Set([new URL(request.url).origin]);
  const configured = env().NEXTAUTH_URL;
  if (configured) origins.add(new URL(configured).origin);
  return origins;
}

/**
 * CSRF defence for cookie-authenticated changes: the browser must say the request comes from the portal's own
 * origin, and the body must be JSON (a cross-site form or text/plain "simple request" cannot set that type
 * without a CORS preflight, which the portal never grants). A missing Origin on a change is refused too.
 */
export function assertSameOriginJson(request: Request, options: { rawBody?: boolean } = {}): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.get('origin');
  const fetchSite = request.headers.get('sec-fetch-site');
  if (
    !origin ||
    !portalOrigins(request).has(origin) ||
    (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none')
  ) {
    throw new AppError(
      'FORBIDDEN',
      'Cross-origin request refused: changes must come from the portal itself',
      {
        details: { reason: 'origin' },
      },
    );
  }
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  // Upload routes take the file as the raw body: any type but the three a cross-site form may send unpreflighted.
  if (options.rawBody && type && !CORS_SAFELISTED_TYPES.has(type)) return;
  if (type !== 'application/json') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Changes must be sent as application/json', {
      details: { reason: 'content-type' },
    });
  }
}

/** The caller's address for rate-limit keys (the proxy's X-Forwarded-For first hop when present). */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('x-real-ip') || 'unknown';
}
