import { NextResponse, type NextRequest } from 'next/server';

/**
 * Convenience only (authorization lives in pages, routes and lib/): passes the requested path to server components
 * in `x-portal-path`, so a signed-out visitor of /estate is sent to /signin?callbackUrl=/estate and comes back.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set('x-portal-path', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!api/|_next/|favicon\\.ico|icon\\.svg|apple-touch-icon\\.png|manifest\\.webmanifest).*)'],
};
