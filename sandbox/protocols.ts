import { SandboxError } from './errors';
import type { TProtocol, TSandboxResponse, TServiceDefinition } from './registry';

/**
 * Wire conventions of the four AWS protocols: how a request body is parsed, how a response body is encoded and
 * how an error looks when the service does not render its own.
 */
export function xmlEscape(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const CONTENT_TYPE: Record<TProtocol, string> = {
  restJson: 'application/json',
  awsJson1_1: 'application/x-amz-json-1.1',
  awsQuery: 'text/xml',
  restXml: 'application/xml',
};

export function parseJsonBody(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new SandboxError(400, 'SerializationException', 'The request body is not valid JSON');
  }
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {};
}

/** Encodes a response body: objects as JSON for the JSON protocols, strings and buffers as they are. */
export function encodeBody(
  protocol: TProtocol,
  out: TSandboxResponse,
): { contentType: string; bytes: Buffer | undefined } {
  const contentType = CONTENT_TYPE[protocol];
  if (out.body === undefined || out.body === null) return { contentType, bytes: undefined };
  if (Buffer.isBuffer(out.body)) return { contentType, bytes: out.body };
  if (out.body instanceof Uint8Array) return { contentType, bytes: Buffer.from(out.body) };
  if (typeof out.body === 'string') return { contentType, bytes: Buffer.from(out.body, 'utf8') };
  return { contentType, bytes: Buffer.from(JSON.stringify(out.body), 'utf8') };
}

/** The protocol's default error shape. */
export function renderError(
  service: TServiceDefinition,
  error: SandboxError,
  requestId: string,
): TSandboxResponse {
  if (service.renderError) return service.renderError(error, requestId);
  const code = (error.authFailure && service.authErrorCodes?.[error.authFailure]) || error.code;
  switch (service.protocol) {
    case 'restJson':
      return {
        status: error.status,
        headers: { 'x-amzn-errortype': code, ...error.headers },
        body: { message: error.message, ...error.fields },
      };
    case 'awsJson1_1':
      return {
        status: error.status,
        headers: { ...error.headers },
        body: { __type: code, message: error.message, ...error.fields },
      };
    case 'awsQuery': {
      const type = error.status >= 500 ? 'Receiver' : 'Sender';
      const ns = service.xmlNamespace ? ` xmlns="${service.xmlNamespace}"` : '';
      return {
        status: error.status,
        headers: { ...error.headers },
        body:
          `<ErrorResponse${ns}><Error><Type>${type}</Type><Code>${xmlEscape(code)}</Code>` +
          `<Message>${xmlEscape(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      };
    }
    case 'restXml':
      return {
        status: error.status,
        headers: { ...error.headers },
        body:
          `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${xmlEscape(code)}</Code>` +
          `<Message>${xmlEscape(error.message)}</Message><RequestId>${requestId}</RequestId></Error>`,
      };
  }
}

/** An error for when no service claims a request at all. */
export function noServiceError(): SandboxError {
  return new SandboxError(
    404,
    'UnknownOperationException',
    'The sandbox serves no service for this request (sign it with SigV4 for a known service)',
  );
}
