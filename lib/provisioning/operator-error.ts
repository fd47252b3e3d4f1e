import { AppError, isAppError } from '@/lib/errors/app-error';

/**
 * AWS refusing the portal's own role is an operator problem (a missing IAM permission), never a user's 403: it is
 * turned into a CONFIGURATION error naming the IAM action and the role, which is logged and shown on the run.
 */
export function toOperatorError(error: unknown): unknown {
  if (!isAppError(error) || error.code !== 'FORBIDDEN' || !error.awsErrorName) return error;
  const [action = 'an AWS action', labelRole] = String(error.details.operation ?? '').split(' ');
  const role = error.details.roleArn
    ? String(error.details.roleArn)
    : (labelRole ?? "the portal's base identity");
  return new AppError(
    'CONFIGURATION',
    `Operator action needed: ${role} lacks the IAM permission ${action}. ${error.message}`,
    {
      cause: error,
      awsRequestId: error.awsRequestId,
      awsErrorName: error.awsErrorName,
      details: { ...error.details, iamAction: action, roleArn: role, operatorError: true },
    },
  );
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
