import { SandboxError } from '../../errors';
import type { TSandboxRequest, TServiceCall, TServiceDefinition } from '../../registry';
import { LogsError } from './errors';
import type { LogStore } from './log-store';
import { handleLogs, LOGS_OPERATIONS, LOGS_TARGET_PREFIX } from './operations';

/** CloudWatch Logs in the service registry: awsJson1_1, `X-Amz-Target: Logs_20140328.<Operation>`, signing name `logs`. */
export interface TLogsServiceInput {
  store: LogStore;
  region: string;
  /** Runs before every request: delivers log windows that are due, so readers see them. */
  beforeRequest?: (now: number) => void;
}

/** PutLogEvents accepts at most 1 MB of events; a little room for the JSON around them. */
export const LOGS_MAX_BODY_BYTES = 1_100_000;

export function logsService(input: TLogsServiceInput): TServiceDefinition {
  const handler = (call: TServiceCall, req: TSandboxRequest) => {
    input.beforeRequest?.(call.now);
    try {
      const body = handleLogs(
        { store: input.store, region: input.region, caller: call.caller!, now: call.now },
        call.operation,
        req.json,
      );
      return { status: 200, body };
    } catch (error) {
      if (error instanceof LogsError) throw new SandboxError(error.status, error.code, error.message);
      throw error;
    }
  };
  return {
    name: 'logs',
    signingName: 'logs',
    protocol: 'awsJson1_1',
    targetPrefix: LOGS_TARGET_PREFIX,
    maxBodyBytes: LOGS_MAX_BODY_BYTES,
    allowUnsignedPayload: false,
    operations: LOGS_OPERATIONS.map((name) => ({ name, target: `${LOGS_TARGET_PREFIX}${name}`, handler })),
    unknownOperation: (req) => {
      const target = req.headers['x-amz-target'];
      return new SandboxError(
        400,
        'UnknownOperationException',
        `The sandbox does not emulate ${String(Array.isArray(target) ? target[0] : target)}`,
      );
    },
    faultError: (kind) =>
      ({
        throttle: new SandboxError(400, 'ThrottlingException', 'Rate exceeded'),
        '5xx': new SandboxError(
          503,
          'ServiceUnavailableException',
          'The service cannot complete the request.',
        ),
        conflict: new SandboxError(
          400,
          'OperationAbortedException',
          'Multiple concurrent requests to update the same resource were in conflict.',
        ),
      })[kind],
    tooLarge: () => new SandboxError(413, 'RequestEntityTooLarge', 'Request entity too large'),
  };
}
