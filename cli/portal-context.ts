/**
 * Marks code running inside the portal process on behalf of a forwarded CLI command, so `withCliDatabase` uses
 * the portal's own database instead of forwarding again. Kept on globalThis: Next may load this module twice.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const globalForCli = globalThis as typeof globalThis & {
  __bapCliContext?: AsyncLocalStorage<{ inPortal: true }>;
};
const storage = (globalForCli.__bapCliContext ??= new AsyncLocalStorage<{ inPortal: true }>());

export function runInPortalContext<T>(fn: () => Promise<T>): Promise<T> {
  return storage.run({ inPortal: true }, fn);
}

export function isInPortalContext(): boolean {
  return storage.getStore()?.inPortal === true;
}
