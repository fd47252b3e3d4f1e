import type { TAuthFailure } from './registry';

/**
 * An error a service answers with. protocols.ts renders it in the service's wire shape: restJson puts the name in
 * `x-amzn-errortype` and a JSON body with `message` plus the shape's own members (Lattice, RAM); awsJson1_1 a
 * `__type`; awsQuery and restXml an XML document.
 */
export class SandboxError extends Error {
  /** Set on authentication failures, which each service names its own way (registry `authErrorCodes`). */
  authFailure?: TAuthFailure;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra members of the error shape (reason, fieldList, resourceId, resourceType...). */
    readonly fields: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = code;
  }
}

export interface TFieldProblem {
  name: string;
  message: string;
}

// VPC Lattice shapes [reference §A.3]

export function validationError(
  message: string,
  fieldList?: TFieldProblem[],
  reason: 'unknownOperation' | 'cannotParse' | 'fieldValidationFailed' | 'other' = fieldList
    ? 'fieldValidationFailed'
    : 'other',
): SandboxError {
  return new SandboxError(
    400,
    'ValidationException',
    message,
    fieldList ? { reason, fieldList } : { reason },
  );
}

export function fieldError(name: string, message: string): SandboxError {
  return validationError(`Invalid ${name}: ${message}`, [{ name, message }]);
}

export function accessDenied(message: string): SandboxError {
  return new SandboxError(403, 'AccessDeniedException', message);
}

export function resourceNotFound(resourceType: string, resourceId: string, message?: string): SandboxError {
  return new SandboxError(
    404,
    'ResourceNotFoundException',
    message ?? `${resourceType} ${resourceId} not found`,
    {
      resourceId,
      resourceType,
    },
  );
}

export function conflict(resourceType: string, resourceId: string, message: string): SandboxError {
  return new SandboxError(409, 'ConflictException', message, { resourceId, resourceType });
}

// RAM shapes [reference §C.5]: a single `message` member; almost all are 400.

export type TRamErrorCode =
  | 'IdempotentParameterMismatchException'
  | 'InvalidClientTokenException'
  | 'InvalidMaxResultsException'
  | 'InvalidNextTokenException'
  | 'InvalidParameterException'
  | 'InvalidResourceTypeException'
  | 'InvalidStateTransitionException'
  | 'MalformedArnException'
  | 'MissingRequiredParameterException'
  | 'OperationNotPermittedException'
  | 'ResourceShareInvitationAlreadyAcceptedException'
  | 'ResourceShareInvitationAlreadyRejectedException'
  | 'ResourceShareInvitationArnNotFoundException'
  | 'ResourceShareInvitationExpiredException'
  | 'UnknownResourceException';

export function ramError(code: TRamErrorCode, message: string): SandboxError {
  return new SandboxError(400, code, message);
}

// Authentication failures, shared by every service.

export function authError(code: TAuthFailure, message: string): SandboxError {
  const error = new SandboxError(code === 'IncompleteSignatureException' ? 400 : 403, code, message);
  error.authFailure = code;
  return error;
}
