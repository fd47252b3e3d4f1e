/**
 * The S3 bucket and prefix of an access-log subscription, read through the real SDK client. Objects are listed
 * with ListObjectsV2 (paginated) after the checkpoint (the last key read: keys carry the delivery date, so they
 * sort by time); `.log`, `.json` and `.gz` objects are streamed, never buffered whole.
 */
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { translateAwsError } from '@/lib/aws/errors';
import { LOG_FILE_PATTERN, type TLogObject, type TObjectLogSource } from './log-source-types';

export function createS3LogSource(
  s3: S3Client,
  location: { bucket: string; prefix?: string },
  options: { pageSize?: number } = {},
): TObjectLogSource {
  const prefix = location.prefix ?? '';
  return {
    shape: 'objects',
    kind: 'S3',
    name: `s3://${location.bucket}/${prefix}`,
    config: { bucket: location.bucket, prefix },
    async *listObjects(checkpoint): AsyncIterable<TLogObject> {
      let token: string | undefined;
      do {
        let page;
        try {
          page = await s3.send(
            new ListObjectsV2Command({
              Bucket: location.bucket,
              Prefix: prefix || undefined,
              ContinuationToken: token,
              StartAfter: token ? undefined : (checkpoint ?? undefined),
              MaxKeys: options.pageSize,
            }),
          );
        } catch (error) {
          throw translateAwsError(error, `s3:ListObjectsV2 ${location.bucket}/${prefix}`);
        }
        for (const o of page.Contents ?? []) {
          const key = o.Key;
          if (!key || !LOG_FILE_PATTERN.test(key)) continue;
          yield {
            key,
            sizeBytes: o.Size,
            etag: o.ETag?.replaceAll('"', ''),
            lastModified: o.LastModified,
            checkpointAfter: key,
            open: async () => {
              try {
                const got = await s3.send(new GetObjectCommand({ Bucket: location.bucket, Key: key }));
                return got.Body as AsyncIterable<Uint8Array>;
              } catch (error) {
                throw translateAwsError(error, `s3:GetObject ${location.bucket}/${key}`);
              }
            },
          };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
  };
}
