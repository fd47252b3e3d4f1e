import { z } from 'zod';
import type { TAwsClients } from './clients';

/** Input schemas and small helpers shared by the Lattice operation modules. */
export const ZIdentifier = z.string().min(3).max(2048);
export const ZVpcId = z.string().regex(/^vpc-([0-9a-z]{8}|[0-9a-z]{17})$/, 'must be a VPC id');
export const ZSgId = z.string().regex(/^sg-([0-9a-z]{8}|[0-9a-z]{17})$/, 'must be a security group id');
export const ZAuthType = z.enum(['NONE', 'AWS_IAM']);
export const ZName = z
  .string()
  .min(3)
  .max(63)
  .regex(/^(?!-)(?!.*-$)(?!.*--)[a-z0-9-]+$/);
export const ZTags = z.record(z.string().min(1).max(128), z.string().max(256)).optional();

export const isoOf = (d: Date | undefined) => (d ? d.toISOString() : undefined);
export const ctx = (c: TAwsClients) => ({ roleArn: c.roleArn });
