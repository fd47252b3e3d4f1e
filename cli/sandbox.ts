/**
 * `npm run sandbox`: the sandbox AWS (VPC Lattice, RAM, STS) on its own, for the AWS CLI, scripts or a portal
 * started elsewhere. Port from PORTAL_SANDBOX_PORT (default 4599), state under ${PORTAL_DATA_DIR}/sandbox.
 * Options: --port N, --state-dir DIR, --delay-ms N (association delay), --no-verify-signatures.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { emulatedOperations } from '@/lib/aws/sandbox/router';
import { startSandbox } from '@/lib/aws/sandbox/server';
import { SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY } from '@/lib/aws/sandbox/world';
import {
  DEMO_GENAI_ACCOUNT,
  DEMO_NETWORK_ACCOUNT,
  DEMO_PORTAL_ROLE_NAME,
  DEMO_REGION,
  DEMO_WORKLOAD_ROLE_NAME,
} from '@/lib/demo/world';
import { env } from '@/lib/env';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'state-dir': { type: 'string' },
      'delay-ms': { type: 'string' },
      'no-verify-signatures': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      'Usage: npm run sandbox -- [--port 4599] [--state-dir DIR] [--delay-ms 2000] [--no-verify-signatures]\n',
    );
    return;
  }
  const e = env();
  const port = values.port ? Number(values.port) : e.PORTAL_SANDBOX_PORT;
  const stateDir = path.resolve(values['state-dir'] ?? path.join(e.PORTAL_DATA_DIR, 'sandbox'));
  const sandbox = await startSandbox({
    port,
    stateDir,
    associationDelayMs: values['delay-ms'] ? Number(values['delay-ms']) : undefined,
    verifySignatures: !values['no-verify-signatures'],
  });
  const ops = emulatedOperations();
  process.stdout.write(
    [
      `Sandbox AWS listening on ${sandbox.url}  (state: ${stateDir})`,
      '',
      'Credentials (base identity, service-network account ' + DEMO_NETWORK_ACCOUNT + '):',
      `  export AWS_ACCESS_KEY_ID=${SANDBOX_ACCESS_KEY_ID}`,
      `  export AWS_SECRET_ACCESS_KEY=${SANDBOX_SECRET_ACCESS_KEY}`,
      `  export AWS_REGION=${DEMO_REGION}`,
      `  aws --endpoint-url ${sandbox.url} vpc-lattice list-service-networks`,
      '',
      'Assumable roles:',
      `  arn:aws:iam::${DEMO_NETWORK_ACCOUNT}:role/${DEMO_PORTAL_ROLE_NAME}`,
      `  arn:aws:iam::${DEMO_GENAI_ACCOUNT}:role/${DEMO_PORTAL_ROLE_NAME}`,
      `  arn:aws:iam::<workload account>:role/${DEMO_WORKLOAD_ROLE_NAME}`,
      '',
      `${ops.length} operations emulated (vpc-lattice, ram, sts). Ctrl-C to stop.`,
      '',
    ].join('\n'),
  );
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
