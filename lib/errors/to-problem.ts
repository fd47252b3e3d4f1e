import { AppError, isAppError } from './app-error';

/** RFC 9457 problem details, the one shape every JSON error response of the portal has. */
export interface TProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  issues?: { path: string; message: string }[];
  awsRequestId?: string;
  awsErrorName?: string;
  instance?: string;
}

export function toProblem(error: unknown, instance?: string): TProblem {
  const appError = isAppError(error)
    ? error
    : new AppError('INTERNAL', 'Something went wrong on our side. It has been logged.', { cause: error });
  return {
    type: `https://bedrock-access-portal.dev/problems/${appError.code.toLowerCase().replace(/_/g, '-')}`,
    title: appError.code.replace(/_/g, ' ').toLowerCase(),
    status: appError.status,
    // Internal errors never echo their cause to the client.
    detail: appError.message,
    code: appError.code,
    ...(appError.issues.length ? { issues: appError.issues } : {}),
    ...(appError.awsRequestId ? { awsRequestId: appError.awsRequestId } : {}),
    ...(appError.awsErrorName ? { awsErrorName: appError.awsErrorName } : {}),
    ...(instance ? { instance } : {}),
  };
}
