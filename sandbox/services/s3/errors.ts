/**
 * S3's error codes, with their HTTP status, as `<Error><Code/><Message/>…</Error>`. HEAD answers carry no body,
 * so the SDK only sees the status (it reports `NotFound` for 404).
 */
export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra members S3 adds to the error document (BucketName, Key, RangeRequested…). */
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
    this.name = code;
  }
}

export const noSuchBucket = (bucket: string) =>
  new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket });

export const noSuchKey = (key: string) =>
  new S3Error(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });

export const accessDenied = () => new S3Error(403, 'AccessDenied', 'Access Denied');

export const invalidArgument = (message: string, name?: string, value?: string) =>
  new S3Error(
    400,
    'InvalidArgument',
    message,
    name === undefined ? {} : { ArgumentName: name, ArgumentValue: value ?? '' },
  );

export const invalidBucketName = (bucket: string) =>
  new S3Error(400, 'InvalidBucketName', 'The specified bucket is not valid.', { BucketName: bucket });

export const invalidRange = (range: string, size: number) =>
  new S3Error(416, 'InvalidRange', 'The requested range is not satisfiable', {
    RangeRequested: range,
    ActualObjectSize: String(size),
  });

export const badDigest = (algorithm: string) =>
  new S3Error(400, 'BadDigest', `The ${algorithm} you specified did not match the calculated checksum.`);

export const bucketAlreadyOwnedByYou = (bucket: string) =>
  new S3Error(
    409,
    'BucketAlreadyOwnedByYou',
    'Your previous request to create the named bucket succeeded and you already own it.',
    { BucketName: bucket },
  );

export const bucketAlreadyExists = (bucket: string) =>
  new S3Error(
    409,
    'BucketAlreadyExists',
    'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
    { BucketName: bucket },
  );

export const bucketNotEmpty = (bucket: string) =>
  new S3Error(409, 'BucketNotEmpty', 'The bucket you tried to delete is not empty', { BucketName: bucket });

export const incompleteBody = () =>
  new S3Error(
    400,
    'IncompleteBody',
    'You did not provide the number of bytes specified by the Content-Length HTTP header',
  );

export const notImplemented = (what: string) =>
  new S3Error(
    501,
    'NotImplemented',
    `A header or operation you provided implies functionality that is not implemented: ${what}`,
  );

/** S3 names its authentication failures differently from the JSON services. */
export const S3_AUTH_CODES: Record<string, { status: number; code: string }> = {
  InvalidSignatureException: { status: 403, code: 'SignatureDoesNotMatch' },
  UnrecognizedClientException: { status: 403, code: 'InvalidAccessKeyId' },
  MissingAuthenticationTokenException: { status: 403, code: 'AccessDenied' },
  IncompleteSignatureException: { status: 400, code: 'AuthorizationHeaderMalformed' },
  ExpiredTokenException: { status: 400, code: 'ExpiredToken' },
};

const BUCKET_RE = /^(?!xn--)(?!.*-s3alias$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
export function validBucketName(name: string): boolean {
  return BUCKET_RE.test(name) && !name.includes('..') && !/^\d+\.\d+\.\d+\.\d+$/.test(name);
}
