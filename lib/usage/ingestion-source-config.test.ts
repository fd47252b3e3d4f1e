import { describe, expect, it } from 'vitest';
import { sourceSpecFromDestinationArn } from './ingestion-source-config';

describe('sourceSpecFromDestinationArn', () => {
  it('reads S3 and CloudWatch Logs destinations, and ignores Firehose', () => {
    expect(sourceSpecFromDestinationArn('arn:aws:s3:::access-logs/lattice/')).toEqual({
      kind: 'S3',
      name: 's3://access-logs/lattice/',
      config: { bucket: 'access-logs', prefix: 'lattice/' },
    });
    expect(
      sourceSpecFromDestinationArn('arn:aws:logs:us-east-1:111122223333:log-group:/aws/vpclattice/x:*'),
    ).toEqual({
      kind: 'CLOUDWATCH_LOGS',
      name: 'cwl:/aws/vpclattice/x',
      config: { logGroupName: '/aws/vpclattice/x' },
    });
    expect(
      sourceSpecFromDestinationArn('arn:aws:firehose:us-east-1:111122223333:deliverystream/x'),
    ).toBeNull();
  });
});
