import { defaultAwsContext, type TAwsClients, type TAwsContext } from '@/lib/aws/clients';
import {
  createAccessLogSubscription,
  createService,
  createServiceAssociation,
  createServiceNetwork,
  getAuthPolicy,
  getService,
  getServiceNetwork,
  listAccessLogSubscriptions,
  listServiceAssociations,
  listServiceNetworks,
  listServices,
  putAuthPolicy,
  updateServiceNetworkAuthType,
} from '@/lib/aws/lattice';
import {
  associatePrincipals,
  createResourceShare,
  findResourceShareByName,
  listSharePrincipals,
  listShareResources,
} from '@/lib/aws/ram';
import { whoAmI } from '@/lib/aws/sts';
import {
  DEMO_ACCESS_LOG_BUCKET,
  DEMO_ORG_ID,
  DEMO_RESOURCE_SHARE_NAME,
  DEMO_SERVICE_NAME,
  DEMO_SERVICE_NETWORK_NAME,
  DEMO_TEAMS,
} from '@/lib/demo/world';
import { AppError } from '@/lib/errors/app-error';

/**
 * Builds the demo estate in the sandbox through the SDK, as an operator would in AWS, and returns what the
 * portal must remember. Idempotent: every piece is looked up by name first, so a second run returns the same
 * ARNs. No database access here; the caller records the result.
 *
 * The service gets no auth policy on purpose: with authType AWS_IAM and no policy every request is denied,
 * which is exactly "no grants yet". The first provisioning run writes the compiled policy.
 */
export interface TBootstrapDemoEstateOptions {
  serviceNetworkName?: string;
  serviceName?: string;
  resourceShareName?: string;
  accessLogBucket?: string;
  orgId?: string;
  /** Accounts the service network is shared with besides the genai account; defaults to the demo teams'. */
  workloadAccountIds?: string[];
  /** How long to wait for RAM to finish associating the genai account (it must see the network first). */
  shareReadyTimeoutMs?: number;
}

export interface TDemoEstate {
  region: string;
  orgId: string;
  networkAccountId: string;
  genaiAccountId: string;
  serviceNetworkArn: string;
  serviceNetworkId: string;
  serviceNetworkName: string;
  serviceArn: string;
  serviceId: string;
  serviceName: string;
  serviceDnsName?: string;
  resourceShareArn: string;
  resourceShareName: string;
  accessLogSubscriptionArn: string;
  accessLogDestinationArn: string;
}

export function orgGuardPolicy(orgId: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'OrganizationOnly',
        Effect: 'Allow',
        Principal: '*',
        Action: 'vpc-lattice-svcs:Invoke',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': orgId } },
      },
    ],
  });
}

const accountOf = (arn: string) => arn.split(':')[4];

async function ensureServiceNetwork(network: TAwsClients, accountId: string, name: string) {
  const existing = (await listServiceNetworks(network)).find(
    (s) => s.name === name && accountOf(s.arn) === accountId,
  );
  const sn = existing ?? (await createServiceNetwork(network, { name, authType: 'AWS_IAM' }));
  const current = await getServiceNetwork(network, { serviceNetworkIdentifier: sn.arn });
  if (current.authType !== 'AWS_IAM') {
    await updateServiceNetworkAuthType(network, { serviceNetworkIdentifier: sn.arn, authType: 'AWS_IAM' });
  }
  return current;
}

async function ensureService(genai: TAwsClients, accountId: string, name: string) {
  const existing = (await listServices(genai)).find((s) => s.name === name && accountOf(s.arn) === accountId);
  if (existing) return getService(genai, { serviceIdentifier: existing.arn });
  const created = await createService(genai, { name, authType: 'AWS_IAM' });
  return getService(genai, { serviceIdentifier: created.arn });
}

async function ensureShare(
  network: TAwsClients,
  name: string,
  serviceNetworkArn: string,
  principals: string[],
) {
  const existing = await findResourceShareByName(network, name);
  if (!existing) {
    return createResourceShare(network, {
      name,
      resourceArns: [serviceNetworkArn],
      principals,
      allowExternalPrincipals: true,
    });
  }
  const resources = await listShareResources(network, { resourceShareArn: existing.arn });
  const members = await listSharePrincipals(network, { resourceShareArn: existing.arn });
  const live = (s: string) => s === 'ASSOCIATED' || s === 'ASSOCIATING';
  const missingResource = !resources.some((r) => r.entity === serviceNetworkArn && live(r.status));
  const missingPrincipals = principals.filter((p) => !members.some((m) => m.entity === p && live(m.status)));
  if (missingResource || missingPrincipals.length > 0) {
    await associatePrincipals(network, {
      resourceShareArn: existing.arn,
      ...(missingResource ? { resourceArns: [serviceNetworkArn] } : {}),
      ...(missingPrincipals.length > 0 ? { principals: missingPrincipals } : {}),
    });
  }
  return existing;
}

async function waitForPrincipal(
  network: TAwsClients,
  resourceShareArn: string,
  principal: string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const members = await listSharePrincipals(network, { resourceShareArn });
    if (members.some((m) => m.entity === principal && m.status === 'ASSOCIATED')) return;
    if (Date.now() > deadline) {
      throw new AppError(
        'UNAVAILABLE',
        `RAM did not finish sharing ${resourceShareArn} with ${principal} within ${timeoutMs} ms`,
        {
          retryable: true,
        },
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function bootstrapDemoEstate(
  aws: TAwsContext = defaultAwsContext(),
  options: TBootstrapDemoEstateOptions = {},
): Promise<TDemoEstate> {
  const names = {
    serviceNetwork: options.serviceNetworkName ?? DEMO_SERVICE_NETWORK_NAME,
    service: options.serviceName ?? DEMO_SERVICE_NAME,
    share: options.resourceShareName ?? DEMO_RESOURCE_SHARE_NAME,
  };
  const orgId = options.orgId ?? DEMO_ORG_ID;
  const bucketArn = `arn:aws:s3:::${options.accessLogBucket ?? DEMO_ACCESS_LOG_BUCKET}`;
  const network = aws.clients('network');
  const genai = aws.clients('genai');
  const [{ accountId: networkAccountId }, { accountId: genaiAccountId }] = await Promise.all([
    whoAmI(network),
    whoAmI(genai),
  ]);

  const sn = await ensureServiceNetwork(network, networkAccountId, names.serviceNetwork);
  const guard = orgGuardPolicy(orgId);
  if ((await getAuthPolicy(network, { resourceIdentifier: sn.arn }))?.policy !== guard) {
    await putAuthPolicy(network, { resourceIdentifier: sn.arn, policy: guard });
  }

  const svc = await ensureService(genai, genaiAccountId, names.service);

  // The genai account must see the network (through RAM) before it can associate its service with it.
  const workloads = options.workloadAccountIds ?? [...new Set(DEMO_TEAMS.map((t) => t.accountId))];
  const principals = [
    genaiAccountId,
    ...workloads.filter((a) => a !== genaiAccountId && a !== networkAccountId),
  ];
  const share = await ensureShare(network, names.share, sn.arn, principals);

  const associations = await listServiceAssociations(genai, { serviceIdentifier: svc.arn });
  if (!associations.some((a) => a.serviceNetworkArn === sn.arn || a.serviceNetworkId === sn.id)) {
    await waitForPrincipal(network, share.arn, genaiAccountId, options.shareReadyTimeoutMs ?? 30_000);
    await createServiceAssociation(genai, { serviceIdentifier: svc.arn, serviceNetworkIdentifier: sn.arn });
  }

  const logs = await listAccessLogSubscriptions(genai, { resourceIdentifier: svc.arn });
  const subscription =
    logs.find((l) => l.destinationArn === bucketArn) ??
    (await createAccessLogSubscription(genai, { resourceIdentifier: svc.arn, destinationArn: bucketArn }));

  return {
    region: aws.region,
    orgId,
    networkAccountId,
    genaiAccountId,
    serviceNetworkArn: sn.arn,
    serviceNetworkId: sn.id,
    serviceNetworkName: sn.name,
    serviceArn: svc.arn,
    serviceId: svc.id,
    serviceName: svc.name,
    serviceDnsName: svc.dnsName,
    resourceShareArn: share.arn,
    resourceShareName: share.name,
    accessLogSubscriptionArn: subscription.arn,
    accessLogDestinationArn: subscription.destinationArn,
  };
}
