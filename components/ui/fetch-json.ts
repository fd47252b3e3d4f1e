/** Client-side fetch for the JSON API: throws an Error carrying the problem+json detail and field issues. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    readonly issues: { path: string; message: string }[],
  ) {
    super(message);
  }
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, {
    ...init,
    headers: {
      accept: 'application/json',
      // Every change is JSON, with or without a body: withAuth refuses cookie-authenticated changes otherwise (CSRF).
      ...(init?.body || (init?.method && init.method.toUpperCase() !== 'GET')
        ? { 'content-type': 'application/json' }
        : {}),
      ...init?.headers,
    },
  });
  if (!res.ok) {
    let problem: { detail?: string; code?: string; issues?: { path: string; message: string }[] } = {};
    try {
      problem = (await res.json()) as typeof problem;
    } catch {
      // not JSON
    }
    throw new ApiError(
      problem.detail ?? `Request failed (${res.status})`,
      res.status,
      problem.code,
      problem.issues ?? [],
    );
  }
  return (await res.json()) as T;
}
