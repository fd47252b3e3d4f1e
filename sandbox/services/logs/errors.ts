/**
 * CloudWatch Logs (awsJson1_1) errors: status 400 (5xx for service faults) and a JSON body
 * `{"__type": "<Code>", "message": "…"}`, which is where the SDK reads the error name.
 */
export class LogsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

export const invalidParameter = (message: string) => new LogsError('InvalidParameterException', message);
export const groupNotFound = () =>
  new LogsError('ResourceNotFoundException', 'The specified log group does not exist.');
export const streamNotFound = () =>
  new LogsError('ResourceNotFoundException', 'The specified log stream does not exist.');
export const alreadyExists = (what: 'log group' | 'log stream') =>
  new LogsError('ResourceAlreadyExistsException', `The specified ${what} already exists`);
export const accessDenied = (caller: string, action: string, resource: string) =>
  new LogsError(
    'AccessDeniedException',
    `User: ${caller} is not authorized to perform: logs:${action} on resource: ${resource}`,
  );
