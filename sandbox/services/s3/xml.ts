/**
 * S3 speaks restXml: every answer and every error is an XML document in S3's namespace. Elements are written in
 * the order S3 itself uses, so a client that reads positionally (some do) sees what it would see from AWS.
 */
export const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function xmlEscape(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** One element per defined value; `undefined` members are left out, as S3 leaves out absent fields. */
export function elements(fields: [string, string | number | boolean | undefined][]): string {
  return fields
    .filter(([, v]) => v !== undefined)
    .map(([name, v]) => `<${name}>${xmlEscape(String(v))}</${name}>`)
    .join('');
}

export function document(root: string, inner: string, namespaced = true): string {
  return `${PROLOG}<${root}${namespaced ? ` xmlns="${S3_NS}"` : ''}>${inner}</${root}>`;
}

/** `<Error>` carries no namespace in S3's answers. */
export function errorDocument(
  code: string,
  message: string,
  requestId: string,
  extra: Record<string, string> = {},
): string {
  return document(
    'Error',
    elements([
      ['Code', code],
      ['Message', message],
      ...Object.entries(extra),
      ['RequestId', requestId],
      ['HostId', hostId(requestId)],
    ]),
    false,
  );
}

/** S3's extended request id: opaque base64; derived from the request id so it is stable per answer. */
export function hostId(requestId: string): string {
  return Buffer.from(`sandbox/${requestId}`).toString('base64');
}

/** S3 writes timestamps with milliseconds: 2009-10-12T17:50:30.000Z. */
export function s3Timestamp(ms: number): string {
  return new Date(ms).toISOString();
}

/** HTTP-date for Last-Modified. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}
