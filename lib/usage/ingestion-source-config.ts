/** Where an access-log subscription delivers, from its destination ARN, as a source row's kind and config. */
import { z } from 'zod';

export const ZS3SourceConfig = z.object({
  bucket: z.string().min(3).max(63),
  prefix: z.string().max(1024).default(''),
});
export const ZCloudWatchSourceConfig = z.object({ logGroupName: z.string().min(1).max(512) });

export type TSourceSpec =
  | { kind: 'S3'; name: string; config: z.infer<typeof ZS3SourceConfig> }
  | { kind: 'CLOUDWATCH_LOGS'; name: string; config: z.infer<typeof ZCloudWatchSourceConfig> };

export function s3SourceSpec(bucket: string, prefix = ''): TSourceSpec {
  return { kind: 'S3', name: `s3://${bucket}/${prefix}`, config: { bucket, prefix } };
}

export function cloudWatchSourceSpec(logGroupName: string): TSourceSpec {
  return { kind: 'CLOUDWATCH_LOGS', name: `cwl:${logGroupName}`, config: { logGroupName } };
}

/** arn:aws:s3:::bucket[/prefix] or arn:aws:logs:<region>:<acct>:log-group:<name>[:*]; Firehose is not read. */
export function sourceSpecFromDestinationArn(arn: string): TSourceSpec | null {
  const s3 = /^arn:[\w-]+:s3:::([^/]+)(?:\/(.*))?$/.exec(arn);
  if (s3) return s3SourceSpec(s3[1]!, s3[2] ?? '');
  const logs = /^arn:[\w-]+:logs:[\w-]+:\d{12}:log-group:(.+?)(?::\*)?$/.exec(arn);
  if (logs) return cloudWatchSourceSpec(logs[1]!);
  return null;
}
