/**
 * The portal's one error taxonomy. Every layer throws AppError (or lets lib/aws translate AWS errors into it);
 * the HTTP edge maps it once to RFC 9457 problem+json, the CLI to an exit code and a message on stderr.
 */
export const APP_ERROR_CODES = {
  BAD_REQUEST: 400,
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  POLICY_TOO_LARGE: 422,
  PRECONDITION_FAILED: 412,
  RATE_LIMITED: 429,
  AWS_ERROR: 502,
  UNAVAILABLE: 503,
  CONFIGURATION: 500,
  INTERNAL: 500,
} as const;

export type TAppErrorCode = keyof typeof APP_ERROR_CODES;

export interface TFieldIssue {
  path: string;
  message: string;
}

export interface TAppErrorOptions {
  cause?: unknown;
  /** Field-level problems, shown next to inputs. */
  issues?: TFieldIssue[];
  /** Extra machine-readable detail; must never carry secrets. */
  details?: Record<string, unknown>;
  /** AWS request id when the error came from an AWS call. */
  awsRequestId?: string;
  /** The AWS error name (e.g. ConflictException) when the error came from AWS. */
  awsErrorName?: string;
  /** Whether retrying the same call may succeed. */
  retryable?: boolean;
}

export class AppError extends Error {
  readonly code: TAppErrorCode;
  readonly status: number;
  readonly issues: TFieldIssue[];
  readonly details: Record<string, unknown>;
  readonly awsRequestId?: string;
  readonly awsErrorName?: string;
  readonly retryable: boolean;

  constructor(code: TAppErrorCode, message: string, options: TAppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = APP_ERROR_CODES[code];
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
    this.awsRequestId = options.awsRequestId;
    this.awsErrorName = options.awsErrorName;
    this.retryable = options.retryable ?? false;
  }

  /** Expected errors (bad input, forbidden, not found) are not incidents and are not logged as such. */
  get expected(): boolean {
    return this.status < 500;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

export const notFound = (what: string, details?: Record<string, unknown>) =>
  new AppError('NOT_FOUND', `${what} was not found`, { details });
export const forbidden = (message = 'You do not have permission to do this') =>
  new AppError('FORBIDDEN', message);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', 'Sign in first');
