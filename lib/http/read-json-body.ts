import { AppError } from '@/lib/errors/app-error';

/** Default cap on JSON request bodies: ample for every form and API call, far below what hurts memory. */
export const DEFAULT_MAX_JSON_BODY_BYTES = 1024 * 1024;

/**
 * Reads a JSON body while counting bytes, and stops at the cap: a 100 MB body is refused after the first
 * megabyte instead of being buffered and parsed whole. A declared Content-Length over the cap is refused at once.
 */
export async function readJsonBody(
  request: Request,
  maxBytes = DEFAULT_MAX_JSON_BODY_BYTES,
): Promise<unknown> {
  const tooLarge = () =>
    new AppError('PAYLOAD_TOO_LARGE', `The request body exceeds ${maxBytes} bytes`, {
      details: { maxBytes },
    });
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) throw new AppError('BAD_REQUEST', 'The request body must be JSON');
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body must be JSON');
  }
}
