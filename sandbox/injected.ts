/**
 * Functions the embedding program hands to the sandbox through its start options, so the sandbox never imports
 * them. The portal's start-up seam passes its auth-policy evaluator here for the Lattice data plane; a test or a
 * future evaluator can pass another. Services read them from `call.injected` / `runtime.injected`.
 */
export interface TSandboxInjected {
  /**
   * Evaluates a Lattice auth policy document for one request (the data plane's use). The exact input and output
   * shapes are owned by the data plane (sandbox/dataplane); kept loose here so the core does not depend on them.
   */
  evaluateAuthPolicy?: (input: never) => unknown;
  [name: string]: unknown;
}
