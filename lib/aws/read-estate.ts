import { z } from 'zod';
import { isAppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { defaultAwsContext, type TAwsContext } from './clients';
import {
  getAuthPolicy,
  getService,
  getServiceNetwork,
  getVpcAssociation,
  listAccessLogSubscriptions,
  listVpcAssociations,
  type TAccessLogSubscription,
  type TAuthPolicy,
} from './lattice';
import { getResourceShare, listSharePrincipals } from './ram';

/**
 * The managed estate as AWS reports it now, read live through the SDK: each part from the account that owns it
 * (service network and share from the network account, service, auth policy and access logs from the genai
 * account). Used by the estate page and drift checks.
 */
export const ZReadEstateInput = z.object({
  serviceNetworkArn: z.string().startsWith('arn:'),
  serviceArn: z.string().startsWith('arn:'),
  resourceShareArn: z.string().startsWith('arn:').optional(),
});
export type TReadEstateInput = z.infer<typeof ZReadEstateInput>;

export interface TLiveVpcAssociation {
  id: string;
  arn: string;
  vpcId: string;
  status: string;
  /** The account that created it: the VPC owner. */
  createdBy: string;
  securityGroupIds: string[];
  createdAt?: string;
}

export interface TLiveSharePrincipal {
  id: string;
  status: string;
  external: boolean;
  statusMessage?: string;
  updatedAt?: string;
}

export interface TLiveEstateSnapshot {
  region: string;
  serviceNetwork: {
    arn: string;
    id: string;
    name: string;
    authType: 'NONE' | 'AWS_IAM';
    numberOfAssociatedVPCs: number;
    numberOfAssociatedServices: number;
    authPolicy: TAuthPolicy | null;
  };
  service: {
    arn: string;
    id: string;
    name: string;
    dnsName?: string;
    status: string;
    authType: 'NONE' | 'AWS_IAM';
  };
  /** The service's auth policy; null means none (with AWS_IAM: every request is denied). */
  authPolicy: TAuthPolicy | null;
  resourceShare: { arn: string; name: string; status: string; principals: TLiveSharePrincipal[] } | null;
  vpcAssociations: TLiveVpcAssociation[];
  accessLogSubscriptions: TAccessLogSubscription[];
}

export async function readEstate(
  input: TReadEstateInput,
  aws: TAwsContext = defaultAwsContext(),
): Promise<TLiveEstateSnapshot> {
  const v = parseOrThrow(ZReadEstateInput, input, 'estate');
  const network = aws.clients('network');
  const genai = aws.clients('genai');

  const [sn, snPolicy, svc, policy, share, principals, associations, logs] = await Promise.all([
    getServiceNetwork(network, { serviceNetworkIdentifier: v.serviceNetworkArn }),
    getAuthPolicy(network, { resourceIdentifier: v.serviceNetworkArn }),
    getService(genai, { serviceIdentifier: v.serviceArn }),
    getAuthPolicy(genai, { resourceIdentifier: v.serviceArn }),
    v.resourceShareArn
      ? getResourceShare(network, { resourceShareArn: v.resourceShareArn })
      : Promise.resolve(null),
    v.resourceShareArn
      ? listSharePrincipals(network, { resourceShareArn: v.resourceShareArn })
      : Promise.resolve([]),
    listVpcAssociations(network, { serviceNetworkIdentifier: v.serviceNetworkArn }),
    listAccessLogSubscriptions(genai, { resourceIdentifier: v.serviceArn }),
  ]);

  // The list summary carries no security groups; read each association for them.
  // An association finishing its deletion between the two reads is simply gone.
  const detailed = (
    await Promise.all(
      associations.map((a) =>
        getVpcAssociation(network, { serviceNetworkVpcAssociationIdentifier: a.arn }).catch(
          (error: unknown) => {
            if (isAppError(error) && error.code === 'NOT_FOUND') return null;
            throw error;
          },
        ),
      ),
    )
  ).filter((a) => a !== null);

  return {
    region: aws.region,
    serviceNetwork: {
      arn: sn.arn,
      id: sn.id,
      name: sn.name,
      authType: sn.authType,
      numberOfAssociatedVPCs: sn.numberOfAssociatedVPCs,
      numberOfAssociatedServices: sn.numberOfAssociatedServices,
      authPolicy: snPolicy,
    },
    service: {
      arn: svc.arn,
      id: svc.id,
      name: svc.name,
      dnsName: svc.dnsName,
      status: svc.status,
      authType: svc.authType,
    },
    authPolicy: policy,
    resourceShare: share
      ? {
          arn: share.arn,
          name: share.name,
          status: share.status,
          principals: principals.map((p) => ({
            id: p.entity,
            status: p.status,
            external: p.external,
            statusMessage: p.statusMessage,
            updatedAt: p.lastUpdatedAt,
          })),
        }
      : null,
    vpcAssociations: detailed.map((a) => ({
      id: a.id,
      arn: a.arn,
      vpcId: a.vpcId,
      status: a.status,
      createdBy: a.createdBy,
      securityGroupIds: a.securityGroupIds ?? [],
      createdAt: a.createdAt,
    })),
    accessLogSubscriptions: logs,
  };
}
