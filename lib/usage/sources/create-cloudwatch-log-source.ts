/**
 * A CloudWatch Logs group read with FilterLogEvents (paginated) from a persisted cursor. The cursor is the
 * timestamp of the newest event read; the next run starts at that millisecond again (inclusive), because events of
 * the same millisecond may arrive later: re-read events are no-ops (their eventId is their fingerprint). nextToken
 * is not persisted: it expires.
 */
import { type CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { z } from 'zod';
import { translateAwsError } from '@/lib/aws/errors';
import type { TEventLogSource, TLogEventPage } from './log-source-types';

const ZCursor = z.object({ startTime: z.number().int().nonnegative() });

export function parseCloudWatchCursor(checkpoint: string | null): number | undefined {
  if (!checkpoint) return undefined;
  try {
    return ZCursor.parse(JSON.parse(checkpoint)).startTime;
  } catch {
    return undefined;
  }
}

export function createCloudWatchLogSource(
  logs: CloudWatchLogsClient,
  location: { logGroupName: string },
  options: { pageSize?: number; startTime?: number } = {},
): TEventLogSource {
  return {
    shape: 'events',
    kind: 'CLOUDWATCH_LOGS',
    name: `cwl:${location.logGroupName}`,
    config: { logGroupName: location.logGroupName },
    async *pages(checkpoint): AsyncIterable<TLogEventPage> {
      let newest = parseCloudWatchCursor(checkpoint) ?? options.startTime;
      const startTime = newest;
      let token: string | undefined;
      do {
        let page;
        try {
          page = await logs.send(
            new FilterLogEventsCommand({
              logGroupName: location.logGroupName,
              startTime,
              nextToken: token,
              limit: options.pageSize,
            }),
          );
        } catch (error) {
          throw translateAwsError(error, `logs:FilterLogEvents ${location.logGroupName}`);
        }
        const events = (page.events ?? []).flatMap((e) =>
          e.eventId && e.message !== undefined
            ? [{ id: e.eventId, message: e.message, timestamp: e.timestamp ?? 0, stream: e.logStreamName }]
            : [],
        );
        for (const e of events) if (newest === undefined || e.timestamp > newest) newest = e.timestamp;
        token = page.nextToken;
        yield {
          events,
          checkpointAfter: newest === undefined ? null : JSON.stringify({ startTime: newest }),
        };
      } while (token);
    },
  };
}
