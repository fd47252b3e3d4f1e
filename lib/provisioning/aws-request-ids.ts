import { AsyncLocalStorage } from 'node:async_hooks';
import type { TAwsClients } from '@/lib/aws/clients';

/**
 * Collects the AWS request id of every SDK call made while a step runs, successful or not, so the step record
 * names them. A middleware added once per client reads the current step's collector from async-local storage.
 */
const collector = new AsyncLocalStorage<string[]>();
const instrumented = new WeakSet<object>();
const NAME = 'bapRequestIdCollector';

type TAnyClient = {
  middlewareStack: {
    add: (mw: unknown, options: { step: 'initialize'; name: string }) => void;
  };
};

function record(id: unknown) {
  const store = collector.getStore();
  if (store && typeof id === 'string' && id && !store.includes(id)) store.push(id);
}

function instrument(client: TAnyClient) {
  if (instrumented.has(client)) return;
  instrumented.add(client);
  client.middlewareStack.add(
    (next: (args: unknown) => Promise<{ output?: { $metadata?: { requestId?: string } } }>) =>
      async (args: unknown) => {
        try {
          const out = await next(args);
          record(out.output?.$metadata?.requestId);
          return out;
        } catch (error) {
          record((error as { $metadata?: { requestId?: string } })?.$metadata?.requestId);
          throw error;
        }
      },
    { step: 'initialize', name: NAME },
  );
}

/** The clients of a scope, instrumented. */
export function trackedClients(clients: TAwsClients): TAwsClients {
  instrument(clients.lattice as unknown as TAnyClient);
  instrument(clients.ram as unknown as TAnyClient);
  instrument(clients.sts as unknown as TAnyClient);
  return clients;
}

/** Runs `fn` and returns its result with the request ids of the AWS calls it made. */
export async function collectAwsRequestIds<T>(
  fn: () => Promise<T>,
): Promise<{ value?: T; error?: unknown; requestIds: string[] }> {
  const ids: string[] = [];
  try {
    const value = await collector.run(ids, fn);
    return { value, requestIds: ids };
  } catch (error) {
    return { error, requestIds: ids };
  }
}
