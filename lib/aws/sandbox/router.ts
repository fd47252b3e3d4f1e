import type { TCtx, TSandboxRequest, TSandboxResponse } from './context';
import { SandboxError } from './errors';
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

/**
 * Method + path tables for the two restJson services. `*` matches one path segment (already percent-decoded, so
 * an ARN label arrives whole) and is passed to the handler.
 */
type THandler = (ctx: TCtx, req: TSandboxRequest, params: string[]) => TSandboxResponse;

interface TRoute {
  method: string;
  path: string[];
  handler: THandler;
}

const r = (method: string, path: string, handler: THandler): TRoute => ({
  method,
  path: path.split('/').filter(Boolean),
  handler,
});

const LATTICE: TRoute[] = [
  r('POST', 'servicenetworks', serviceNetworks.createServiceNetwork),
  r('GET', 'servicenetworks', serviceNetworks.listServiceNetworks),
  r('GET', 'servicenetworks/*', serviceNetworks.getServiceNetwork),
  r('PATCH', 'servicenetworks/*', serviceNetworks.updateServiceNetwork),
  r('DELETE', 'servicenetworks/*', serviceNetworks.deleteServiceNetwork),
  r('POST', 'services', services.createService),
  r('GET', 'services', services.listServices),
  r('GET', 'services/*', services.getService),
  r('PATCH', 'services/*', services.updateService),
  r('DELETE', 'services/*', services.deleteService),
  r('POST', 'servicenetworkvpcassociations', vpcAssociations.createVpcAssociation),
  r('GET', 'servicenetworkvpcassociations', vpcAssociations.listVpcAssociations),
  r('GET', 'servicenetworkvpcassociations/*', vpcAssociations.getVpcAssociation),
  r('DELETE', 'servicenetworkvpcassociations/*', vpcAssociations.deleteVpcAssociation),
  r('POST', 'servicenetworkserviceassociations', serviceAssociations.createServiceAssociation),
  r('GET', 'servicenetworkserviceassociations', serviceAssociations.listServiceAssociations),
  r('GET', 'servicenetworkserviceassociations/*', serviceAssociations.getServiceAssociation),
  r('DELETE', 'servicenetworkserviceassociations/*', serviceAssociations.deleteServiceAssociation),
  r('PUT', 'authpolicy/*', authPolicies.putAuthPolicy),
  r('GET', 'authpolicy/*', authPolicies.getAuthPolicy),
  r('DELETE', 'authpolicy/*', authPolicies.deleteAuthPolicy),
  r('POST', 'accesslogsubscriptions', accessLogs.createAccessLogSubscription),
  r('GET', 'accesslogsubscriptions', accessLogs.listAccessLogSubscriptions),
  r('GET', 'accesslogsubscriptions/*', accessLogs.getAccessLogSubscription),
  r('DELETE', 'accesslogsubscriptions/*', accessLogs.deleteAccessLogSubscription),
  r('POST', 'tags/*', tags.tagResource),
  r('DELETE', 'tags/*', tags.untagResource),
  r('GET', 'tags/*', tags.listTagsForResource),
];

const RAM: TRoute[] = [
  r('POST', 'createresourceshare', shares.createResourceShare),
  r('POST', 'getresourceshares', shares.getResourceShares),
  r('DELETE', 'deleteresourceshare', shares.deleteResourceShare),
  r('POST', 'listresources', shares.listResources),
  r('POST', 'associateresourceshare', membership.associateResourceShare),
  r('POST', 'disassociateresourceshare', membership.disassociateResourceShare),
  r('POST', 'getresourceshareassociations', membership.getResourceShareAssociations),
  r('POST', 'listprincipals', membership.listPrincipals),
  r('POST', 'getresourceshareinvitations', invitations.getResourceShareInvitations),
  r('POST', 'acceptresourceshareinvitation', invitations.acceptResourceShareInvitation),
  r('POST', 'rejectresourceshareinvitation', invitations.rejectResourceShareInvitation),
];

export const RAM_OPERATION_PATHS = new Set(RAM.map((route) => route.path[0]));

export function dispatch(service: 'vpc-lattice' | 'ram', ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  const table = service === 'ram' ? RAM : LATTICE;
  for (const route of table) {
    if (route.method !== req.method || route.path.length !== req.segments.length) continue;
    const params: string[] = [];
    const ok = route.path.every((part, i) => {
      if (part === '*') {
        params.push(req.segments[i]!);
        return true;
      }
      return part === req.segments[i];
    });
    if (ok) return route.handler(ctx, req, params);
  }
  throw new SandboxError(
    404,
    'UnknownOperationException',
    `No ${service} operation matches ${req.method} ${req.rawPath}`,
  );
}

/** The operations the sandbox emulates, for the README and the CLI banner. */
export function emulatedOperations(): { service: string; method: string; path: string }[] {
  return [
    ...LATTICE.map((x) => ({ service: 'vpc-lattice', method: x.method, path: `/${x.path.join('/')}` })),
    ...RAM.map((x) => ({ service: 'ram', method: x.method, path: `/${x.path.join('/')}` })),
    { service: 'sts', method: 'POST', path: '/ (Action=GetCallerIdentity|AssumeRole)' },
  ];
}
