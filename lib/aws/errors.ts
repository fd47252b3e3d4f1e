import { AppError, isAppError, type TAppErrorCode, type TFieldIssue } from '@/lib/errors/app-error';

/**
 * Every AWS SDK failure becomes an AppError here, keeping the AWS request id and error name so a support ticket can
 * quote them. Callers label each call with the IAM action it needs (e.g. `vpc-lattice:PutAuthPolicy`), so an
 * access-denied message can say which permission is missing and where.
 */
const NOT_FOUND = new Set([
  'ResourceNotFoundException',
  'UnknownResourceException',
  'ResourceArnNotFoundException',
  'ResourceShareInvitationArnNotFoundException',
  'NoSuchEntity',
]);
const CONFLICT = new Set([
  'ConflictException',
  'InvalidStateTransitionException',
  'IdempotentParameterMismatchException',
  'ResourceShareInvitationAlreadyAcceptedException',
  'ResourceShareInvitationAlreadyRejectedException',
  'ResourceShareInvitationExpiredException',
]);
const VALIDATION = new Set([
  'ValidationException',
  'ValidationError',
  'InvalidParameterException',
  'InvalidParameterValue',
  'MalformedArnException',
  'MalformedPolicyDocument',
  'InvalidClientTokenException',
  'InvalidNextTokenException',
  'InvalidMaxResultsException',
  'InvalidResourceTypeException',
  'MissingRequiredParameterException',
  'SerializationException',
]);
const FORBIDDEN = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'OperationNotPermittedException',
  'UnauthorizedOperation',
]);
const THROTTLED = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
]);
const BAD_CREDENTIALS = new Set([
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'MissingAuthenticationTokenException',
  'MissingAuthenticationToken',
  'IncompleteSignatureException',
  'IncompleteSignature',
]);
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);

interface TSdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  $fault?: 'client' | 'server';
  $metadata?: { requestId?: string; httpStatusCode?: number };
  fieldList?: { name?: string; message?: string }[];
  resourceId?: string;
  resourceType?: string;
}

export interface TAwsCallContext {
  /** The role the call ran as, named in access-denied messages. */
  roleArn?: string;
}

function classify(name: string, status: number | undefined): { code: TAppErrorCode; retryable: boolean } {
  if (NOT_FOUND.has(name)) return { code: 'NOT_FOUND', retryable: false };
  if (CONFLICT.has(name)) return { code: 'CONFLICT', retryable: false };
  if (VALIDATION.has(name)) return { code: 'VALIDATION', retryable: false };
  if (FORBIDDEN.has(name)) return { code: 'FORBIDDEN', retryable: false };
  if (THROTTLED.has(name) || status === 429) return { code: 'RATE_LIMITED', retryable: true };
  if (EXPIRED.has(name)) return { code: 'UNAVAILABLE', retryable: true };
  if (BAD_CREDENTIALS.has(name)) return { code: 'CONFIGURATION', retryable: false };
  if (name === 'ServiceQuotaExceededException') return { code: 'PRECONDITION_FAILED', retryable: false };
  if (status === 503 || name === 'ServiceUnavailableException')
    return { code: 'UNAVAILABLE', retryable: true };
  if (status !== undefined && status >= 500) return { code: 'AWS_ERROR', retryable: true };
  return { code: 'AWS_ERROR', retryable: false };
}

export function translateAwsError(error: unknown, label: string, context: TAwsCallContext = {}): AppError {
  if (isAppError(error)) return error;
  const e = (error ?? {}) as TSdkErrorShape;
  const name = e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const requestId = e.$metadata?.requestId;
  const awsMessage = e.message ?? String(error);
  const common = { cause: error, awsRequestId: requestId, awsErrorName: name };

  // No HTTP status means the request never got an answer: timeout, refused connection, DNS.
  if (
    status === undefined &&
    (name === 'TimeoutError' ||
      name === 'AbortError' ||
      NETWORK_CODES.has(e.code ?? '') ||
      /timed? ?out|ECONNREFUSED|socket hang up/i.test(awsMessage))
  ) {
    return new AppError('UNAVAILABLE', `AWS did not answer ${label}: ${awsMessage}`, {
      ...common,
      retryable: true,
    });
  }

  const { code, retryable } = classify(name, status);
  const details: Record<string, unknown> = { operation: label };
  if (e.resourceId) details.resourceId = e.resourceId;
  if (e.resourceType) details.resourceType = e.resourceType;
  if (context.roleArn) details.roleArn = context.roleArn;

  let message: string;
  let issues: TFieldIssue[] | undefined;
  switch (code) {
    case 'FORBIDDEN': {
      const as = context.roleArn ? ` as ${context.roleArn} (account ${context.roleArn.split(':')[4]})` : '';
      message = `AWS refused ${label}${as}: ${awsMessage}. The portal's role needs the ${label} permission on that resource (and, for cross-account resources, the resource must be shared with its account).`;
      break;
    }
    case 'VALIDATION':
      issues = (e.fieldList ?? []).map((f) => ({
        path: f.name ?? '(field)',
        message: f.message ?? 'is not valid',
      }));
      message = `AWS rejected the input of ${label}: ${awsMessage}`;
      break;
    case 'NOT_FOUND':
      message = `${label}: ${awsMessage}`;
      break;
    case 'CONFIGURATION':
      message = `AWS did not accept the portal's credentials for ${label} (${name}): ${awsMessage}`;
      break;
    default:
      message = `${label} failed (${name}): ${awsMessage}`;
  }
  return new AppError(code, message, { ...common, retryable, details, issues });
}

/** Runs one AWS call and translates its failure. `label` is the IAM action, e.g. `ram:AssociateResourceShare`. */
export async function callAws<T>(
  label: string,
  fn: () => Promise<T>,
  context: TAwsCallContext = {},
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw translateAwsError(error, label, context);
  }
}
