import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY } from './sandbox-helpers';

/**
 * The AWS CLI (botocore, a client written elsewhere) as a second wire-level check of the sandbox. The CLI is on
 * these machines and in CI; suites that use it assert `AWS_CLI_PATH` is set and fail, rather than skip, without it.
 */
export const AWS_CLI_PATH = (() => {
  try {
    return execFileSync('which', ['aws'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
})();

/** CLI output is free-form JSON; tests read its members directly. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TAwsCliOut = Record<string, any>;
export type TAwsCliCreds = { AccessKeyId: string; SecretAccessKey: string; SessionToken?: string };
export const SANDBOX_CLI_CREDS: TAwsCliCreds = {
  AccessKeyId: SANDBOX_ACCESS_KEY_ID,
  SecretAccessKey: SANDBOX_SECRET_ACCESS_KEY,
};

const run = promisify(execFile);

/** An `aws` runner bound to a sandbox endpoint (read lazily: the sandbox starts in `beforeAll`). */
export function awsCli(endpoint: () => string) {
  /** Runs `aws …`; returns the parsed JSON output (or {} for commands that print nothing). */
  async function aws(creds: TAwsCliCreds, ...args: string[]): Promise<TAwsCliOut> {
    const { stdout } = await run(AWS_CLI_PATH, ['--endpoint-url', endpoint(), '--output', 'json', ...args], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        AWS_ACCESS_KEY_ID: creds.AccessKeyId,
        AWS_SECRET_ACCESS_KEY: creds.SecretAccessKey,
        ...(creds.SessionToken ? { AWS_SESSION_TOKEN: creds.SessionToken } : {}),
        AWS_REGION: 'us-east-1',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_MAX_ATTEMPTS: '1',
        AWS_PAGER: '',
      } as unknown as NodeJS.ProcessEnv,
    });
    return stdout.trim() ? (JSON.parse(stdout) as TAwsCliOut) : {};
  }

  /** Runs a command that must fail; returns the CLI's error text (botocore parsed the error shape into it). */
  async function awsError(creds: TAwsCliCreds, ...args: string[]): Promise<string> {
    try {
      await aws(creds, ...args);
    } catch (error) {
      return String((error as { stderr?: string }).stderr);
    }
    throw new Error(`aws ${args.join(' ')} succeeded but should have failed`);
  }

  return { aws, awsError };
}
