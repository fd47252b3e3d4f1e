/**
 * The model a request asked for: the `modelid` query-string value (the key the auth policy matches), else the
 * `/model/<id>/…` path segment of the Bedrock runtime API, percent-decoded. A malformed escape is kept as logged.
 */
function decode(v: string): string {
  try {
    return decodeURIComponent(v.replace(/\+/g, ' '));
  } catch {
    return v;
  }
}

export function extractModelKey(requestPath: string | null, queryKey = 'modelid'): string | null {
  if (!requestPath) return null;
  const q = requestPath.indexOf('?');
  const path = q === -1 ? requestPath : requestPath.slice(0, q);
  if (q !== -1) {
    for (const pair of requestPath.slice(q + 1).split('&')) {
      const eq = pair.indexOf('=');
      const k = decode(eq === -1 ? pair : pair.slice(0, eq));
      if (k.toLowerCase() === queryKey.toLowerCase() && eq !== -1) {
        const v = decode(pair.slice(eq + 1)).trim();
        if (v) return v.slice(0, 512);
      }
    }
  }
  const m = /^\/model\/([^/]+)(\/|$)/.exec(path);
  if (m?.[1]) return decode(m[1]).slice(0, 512);
  return null;
}
