import { readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { SandboxError } from '../errors';
import type {
  TOperationDefinition,
  TSandboxRequest,
  TSandboxResponse,
  TSandboxRuntime,
  TServiceCall,
  TServiceDefinition,
} from '../registry';
import { DocumentStore } from '../stores/document-store';
import type { TCtx } from './core-context';
import {
  advanceLattice,
  advanceRam,
  advanceSts,
  emptyLattice,
  emptyRam,
  LEGACY_STATE_FILE_NAME,
  type TLatticeState,
  type TRamState,
  type TSessionRecord,
} from './core-state';
import * as accessLogs from './lattice/access-logs';
import * as authPolicies from './lattice/auth-policies';
import * as serviceAssociations from './lattice/service-associations';
import * as serviceNetworks from './lattice/service-networks';
import * as services from './lattice/services';
import * as tags from './lattice/tags';
import * as vpcAssociations from './lattice/vpc-associations';
import * as invitations from './ram/invitations';
import * as membership from './ram/membership';
import * as shares from './ram/shares';
import { assumeRole, getCallerIdentity, STS_NAMESPACE, unknownStsAction } from './sts/sts';

/**
 * The control plane the portal manages: VPC Lattice and RAM (restJson) and STS (awsQuery). Each has its own
 * document store (`lattice.json`, `ram.json`, `sts.json`); a handler's changes are committed once per request,
 * and a failed request rolls its service's store back to the last committed file.
 */
type TCoreHandler = (ctx: TCtx, req: TSandboxRequest, params: string[]) => TSandboxResponse;

/** Keys under which the control plane offers its stores to other services (the data plane reads them). */
export const LATTICE_STORE_KEY = 'vpc-lattice.store';
export const RAM_STORE_KEY = 'ram.store';

/** Splits the single state file of earlier versions into the per-service files, once. */
function migrateLegacyState(
  stateDir: string,
  lattice: DocumentStore<TLatticeState>,
  ram: DocumentStore<TRamState>,
  runtime: TSandboxRuntime,
): void {
  const legacy = path.join(stateDir, LEGACY_STATE_FILE_NAME);
  let text: string;
  try {
    text = readFileSync(legacy, 'utf8');
  } catch {
    return;
  }
  if (lattice.exists() || ram.exists()) return;
  const old = JSON.parse(text) as Partial<TLatticeState & TRamState & { sessions: TSessionRecord[] }>;
  const tokens = Object.entries(old.idempotency ?? {});
  lattice.replace({
    ...emptyLattice(),
    serviceNetworks: old.serviceNetworks ?? [],
    services: old.services ?? [],
    vpcAssociations: old.vpcAssociations ?? [],
    serviceAssociations: old.serviceAssociations ?? [],
    authPolicies: old.authPolicies ?? [],
    accessLogSubscriptions: old.accessLogSubscriptions ?? [],
    tags: old.tags ?? {},
    idempotency: Object.fromEntries(tokens.filter(([k]) => !k.startsWith('ram:'))),
  });
  ram.replace({
    ...emptyRam(),
    resourceShares: old.resourceShares ?? [],
    shareAssociations: old.shareAssociations ?? [],
    invitations: old.invitations ?? [],
    idempotency: Object.fromEntries(tokens.filter(([k]) => k.startsWith('ram:'))),
  });
  runtime.identities.sessions.replace({ version: 1, sessions: old.sessions ?? [] });
  renameSync(legacy, `${legacy}.migrated`);
}

export function controlPlaneServices(runtime: TSandboxRuntime): TServiceDefinition[] {
  const { stateDir, world, identities } = runtime;
  const lattice = new DocumentStore<TLatticeState>(stateDir, 'lattice', emptyLattice);
  const ram = new DocumentStore<TRamState>(stateDir, 'ram', emptyRam);
  migrateLegacyState(stateDir, lattice, ram, runtime);
  runtime.provide(LATTICE_STORE_KEY, lattice);
  runtime.provide(RAM_STORE_KEY, ram);
  const associationDelayMs = runtime.options.associationDelayMs ?? 2000;

  /** Due asynchronous transitions, applied lazily at the start of each request (no timers; survives restarts). */
  function advance(now: number): void {
    if (advanceLattice(lattice.state, now)) lattice.save();
    if (advanceRam(ram.state, now)) ram.save();
    if (advanceSts(identities.sessions.state, now)) identities.sessions.save();
  }

  function wrap(own: DocumentStore<TLatticeState> | DocumentStore<TRamState>, handler: TCoreHandler) {
    return (call: TServiceCall, req: TSandboxRequest, params: string[]): TSandboxResponse => {
      advance(call.now);
      const ctx: TCtx = {
        world,
        lattice: lattice.state,
        ram: ram.state,
        identities,
        idempotency: own.state.idempotency,
        caller: call.caller!,
        now: call.now,
        associationDelayMs,
        dirty: false,
      };
      try {
        const out = handler(ctx, req, params);
        if (ctx.dirty) own.save();
        return out;
      } catch (error) {
        // No partial change survives a refused call.
        if (req.method !== 'GET') own.rollback();
        throw error;
      }
    };
  }

  const rest =
    (own: DocumentStore<TLatticeState> | DocumentStore<TRamState>) =>
    (name: string, method: string, pathTemplate: string, handler: TCoreHandler): TOperationDefinition => ({
      name,
      method,
      path: pathTemplate,
      handler: wrap(own, handler),
    });
  const l = rest(lattice);
  const r = rest(ram);

  const latticeService: TServiceDefinition = {
    name: 'vpc-lattice',
    signingName: 'vpc-lattice',
    protocol: 'restJson',
    // The largest Lattice request is PutAuthPolicy (a 36,864-character policy string); 1 MiB is plenty.
    maxBodyBytes: 1024 * 1024,
    allowUnsignedPayload: false,
    faultError: (kind) =>
      kind === 'throttle'
        ? new SandboxError(429, 'ThrottlingException', 'Rate exceeded', { serviceCode: 'vpc-lattice' })
        : undefined,
    operations: [
      l('CreateServiceNetwork', 'POST', '/servicenetworks', serviceNetworks.createServiceNetwork),
      l('ListServiceNetworks', 'GET', '/servicenetworks', serviceNetworks.listServiceNetworks),
      l('GetServiceNetwork', 'GET', '/servicenetworks/*', serviceNetworks.getServiceNetwork),
      l('UpdateServiceNetwork', 'PATCH', '/servicenetworks/*', serviceNetworks.updateServiceNetwork),
      l('DeleteServiceNetwork', 'DELETE', '/servicenetworks/*', serviceNetworks.deleteServiceNetwork),
      l('CreateService', 'POST', '/services', services.createService),
      l('ListServices', 'GET', '/services', services.listServices),
      l('GetService', 'GET', '/services/*', services.getService),
      l('UpdateService', 'PATCH', '/services/*', services.updateService),
      l('DeleteService', 'DELETE', '/services/*', services.deleteService),
      l(
        'CreateServiceNetworkVpcAssociation',
        'POST',
        '/servicenetworkvpcassociations',
        vpcAssociations.createVpcAssociation,
      ),
      l(
        'ListServiceNetworkVpcAssociations',
        'GET',
        '/servicenetworkvpcassociations',
        vpcAssociations.listVpcAssociations,
      ),
      l(
        'GetServiceNetworkVpcAssociation',
        'GET',
        '/servicenetworkvpcassociations/*',
        vpcAssociations.getVpcAssociation,
      ),
      l(
        'DeleteServiceNetworkVpcAssociation',
        'DELETE',
        '/servicenetworkvpcassociations/*',
        vpcAssociations.deleteVpcAssociation,
      ),
      l(
        'CreateServiceNetworkServiceAssociation',
        'POST',
        '/servicenetworkserviceassociations',
        serviceAssociations.createServiceAssociation,
      ),
      l(
        'ListServiceNetworkServiceAssociations',
        'GET',
        '/servicenetworkserviceassociations',
        serviceAssociations.listServiceAssociations,
      ),
      l(
        'GetServiceNetworkServiceAssociation',
        'GET',
        '/servicenetworkserviceassociations/*',
        serviceAssociations.getServiceAssociation,
      ),
      l(
        'DeleteServiceNetworkServiceAssociation',
        'DELETE',
        '/servicenetworkserviceassociations/*',
        serviceAssociations.deleteServiceAssociation,
      ),
      l('PutAuthPolicy', 'PUT', '/authpolicy/*', authPolicies.putAuthPolicy),
      l('GetAuthPolicy', 'GET', '/authpolicy/*', authPolicies.getAuthPolicy),
      l('DeleteAuthPolicy', 'DELETE', '/authpolicy/*', authPolicies.deleteAuthPolicy),
      l(
        'CreateAccessLogSubscription',
        'POST',
        '/accesslogsubscriptions',
        accessLogs.createAccessLogSubscription,
      ),
      l(
        'ListAccessLogSubscriptions',
        'GET',
        '/accesslogsubscriptions',
        accessLogs.listAccessLogSubscriptions,
      ),
      l('GetAccessLogSubscription', 'GET', '/accesslogsubscriptions/*', accessLogs.getAccessLogSubscription),
      l(
        'DeleteAccessLogSubscription',
        'DELETE',
        '/accesslogsubscriptions/*',
        accessLogs.deleteAccessLogSubscription,
      ),
      l('TagResource', 'POST', '/tags/*', tags.tagResource),
      l('UntagResource', 'DELETE', '/tags/*', tags.untagResource),
      l('ListTagsForResource', 'GET', '/tags/*', tags.listTagsForResource),
    ],
  };

  const ramService: TServiceDefinition = {
    name: 'ram',
    signingName: 'ram',
    protocol: 'restJson',
    maxBodyBytes: 1024 * 1024,
    allowUnsignedPayload: false,
    faultError: (kind) =>
      kind === '5xx'
        ? new SandboxError(
            500,
            'ServerInternalException',
            'The service could not respond to the request (injected)',
          )
        : undefined,
    operations: [
      r('CreateResourceShare', 'POST', '/createresourceshare', shares.createResourceShare),
      r('GetResourceShares', 'POST', '/getresourceshares', shares.getResourceShares),
      r('DeleteResourceShare', 'DELETE', '/deleteresourceshare', shares.deleteResourceShare),
      r('ListResources', 'POST', '/listresources', shares.listResources),
      r('AssociateResourceShare', 'POST', '/associateresourceshare', membership.associateResourceShare),
      r(
        'DisassociateResourceShare',
        'POST',
        '/disassociateresourceshare',
        membership.disassociateResourceShare,
      ),
      r(
        'GetResourceShareAssociations',
        'POST',
        '/getresourceshareassociations',
        membership.getResourceShareAssociations,
      ),
      r('ListPrincipals', 'POST', '/listprincipals', membership.listPrincipals),
      r(
        'GetResourceShareInvitations',
        'POST',
        '/getresourceshareinvitations',
        invitations.getResourceShareInvitations,
      ),
      r(
        'AcceptResourceShareInvitation',
        'POST',
        '/acceptresourceshareinvitation',
        invitations.acceptResourceShareInvitation,
      ),
      r(
        'RejectResourceShareInvitation',
        'POST',
        '/rejectresourceshareinvitation',
        invitations.rejectResourceShareInvitation,
      ),
    ],
  };

  const sts = (name: string, run: typeof assumeRole): TOperationDefinition => ({
    name,
    action: name,
    handler: (call, req) => {
      advance(call.now);
      const ctx: TCtx = {
        world,
        lattice: lattice.state,
        ram: ram.state,
        identities,
        idempotency: {},
        caller: call.caller!,
        now: call.now,
        associationDelayMs,
        dirty: false,
      };
      return run(ctx, req.form, call.requestId);
    },
  });

  const stsService: TServiceDefinition = {
    name: 'sts',
    signingName: 'sts',
    protocol: 'awsQuery',
    xmlNamespace: STS_NAMESPACE,
    maxBodyBytes: 64 * 1024,
    allowUnsignedPayload: false,
    // The query protocol names the same authentication failures differently.
    authErrorCodes: {
      InvalidSignatureException: 'SignatureDoesNotMatch',
      UnrecognizedClientException: 'InvalidClientTokenId',
      MissingAuthenticationTokenException: 'MissingAuthenticationToken',
      IncompleteSignatureException: 'IncompleteSignature',
      ExpiredTokenException: 'ExpiredToken',
    },
    unknownOperation: (req) => unknownStsAction(req.form.get('Action')),
    operations: [sts('GetCallerIdentity', getCallerIdentity), sts('AssumeRole', assumeRole)],
  };

  return [latticeService, ramService, stsService];
}
