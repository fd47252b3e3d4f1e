/** Fuzzed input through the whole pipeline: nothing crashes, and every non-blank line is stored or counted. */
import { gzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAccessLogHandler } from '@/lib/usage/create-access-log-handler';
import { parseAccessLogRecord } from '@/lib/usage/parse-access-log-record';
import { runIngestion } from '@/lib/usage/run-ingestion';
import type { TObjectLogSource } from '@/lib/usage/sources/log-source-types';
import { testDatabaseKinds } from '../db/test-databases';
import { useFreshDatabase } from '../teams/team-test-db';

const valid = fc
  .record({
    startTime: fc.date({
      min: new Date('2026-01-01T00:00:00Z'),
      max: new Date('2026-11-30T00:00:00Z'),
      noInvalidDate: true,
    }),
    responseCode: fc.oneof(fc.constantFrom(200, 403, 429, 503), fc.constantFrom('200', '500')),
    callerPrincipal: fc.constantFrom(
      '-',
      'arn:aws:sts::200000000331:assumed-role/payments-prod-invoker/s',
      'junk',
    ),
    requestPath: fc.oneof(fc.constant('/model/invoke?modelid=amazon.nova-lite-v1%3A0'), fc.string()),
    bytesReceived: fc.oneof(fc.nat(), fc.constant('-'), fc.string()),
    duration: fc.oneof(fc.nat(100_000), fc.constant('-')),
  })
  .map((r) => JSON.stringify({ ...r, startTime: r.startTime.toISOString() }));
const junk = fc.oneof(
  fc.string(),
  fc.json(),
  fc.constant('{"startTime": "2026-11-02T10:00:00Z"'),
  fc.constant('{"startTime":"-","responseCode":200}'),
  fc.constant('{"startTime":"2026-11-02T10:00:00Z","responseCode":"abc"}'),
);
const line = fc.oneof(valid, junk).map((l) => l.replace(/[\r\n]/g, ' '));
const objects = fc.array(
  fc.record({
    lines: fc.array(line, { maxLength: 40 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    gzip: fc.boolean(),
  }),
  { minLength: 1, maxLength: 4 },
);

describe.each(testDatabaseKinds)('fuzzed ingestion ($name)', (kind) => {
  const getDb = useFreshDatabase(kind);

  it('never crashes, and stored + already stored + malformed = every non-blank line', async () => {
    const db = getDb();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(objects, async (objs) => {
        run += 1;
        const source: TObjectLogSource = {
          shape: 'objects',
          kind: 'FILE',
          name: `fuzz-${run}`,
          config: {},
          async *listObjects() {
            for (const [i, o] of objs.entries()) {
              let text = o.lines.join(o.crlf ? '\r\n' : '\n');
              if (o.bom) text = `\uFEFF${text}`;
              const bytes = o.gzip ? gzipSync(Buffer.from(text)) : Buffer.from(text);
              yield { key: `o${i}`, checkpointAfter: null, open: async () => Readable.from([bytes]) };
            }
          },
        };
        const s = await runIngestion({
          db,
          source,
          handler: createAccessLogHandler({ retentionDays: 100_000 }),
          trigger: 'cli',
        });
        const nonBlank = objs.flatMap((o) => o.lines.filter((l) => l.trim().length > 0 && l !== '\uFEFF'));
        const malformed = nonBlank.filter((l) => !parseAccessLogRecord(l.replace(/^\uFEFF/, '')).ok).length;
        expect(s.status).toBe('SUCCEEDED');
        expect(s.recordsRead).toBe(nonBlank.length);
        expect(s.malformed).toBe(malformed);
        expect(s.stored + s.duplicates + s.malformed + s.expired).toBe(s.recordsRead);
      }),
      { numRuns: 15 },
    );
  });
});
