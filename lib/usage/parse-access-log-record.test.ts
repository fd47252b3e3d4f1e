import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractModelKey } from './extract-model-key';
import { parseAccessLogRecord } from './parse-access-log-record';

const base = {
  startTime: '2026-10-30T18:21:31Z',
  responseCode: 200,
  callerPrincipal: 'arn:aws:sts::200111111951:assumed-role/search-prod-invoker/s',
  authDeniedReason: '-',
  requestPath: '/model/invoke?modelid=amazon.nova-lite-v1%3A0',
  bytesReceived: 10,
  bytesSent: 20,
  duration: 30,
};

describe('parseAccessLogRecord', () => {
  it('parses a record, numbers given as strings, "-" as absent, unknown fields ignored', () => {
    const r = parseAccessLogRecord(
      JSON.stringify({ ...base, responseCode: '503', bytesSent: '-', duration: '42', extra: { x: 1 } }),
    );
    expect(r).toEqual({
      ok: true,
      record: {
        startTimeMs: Date.parse('2026-10-30T18:21:31Z'),
        responseCode: 503,
        callerPrincipal: base.callerPrincipal,
        denied: false,
        modelKey: 'amazon.nova-lite-v1:0',
        bytesReceived: 10,
        bytesSent: 0,
        durationMs: 42,
        sourceVpcId: null,
      },
    });
  });

  it('marks a request denied by authDeniedReason', () => {
    const r = parseAccessLogRecord(
      JSON.stringify({ ...base, responseCode: 403, authDeniedReason: 'Service' }),
    );
    expect(r.ok && r.record.denied).toBe(true);
  });

  it.each([
    ['not JSON', '{"startTime": '],
    ['not a JSON object', '[1,2]'],
    ['no valid startTime', JSON.stringify({ ...base, startTime: '-' })],
    ['no valid startTime', JSON.stringify({ ...base, startTime: 'yesterday' })],
    ['no valid responseCode', JSON.stringify({ ...base, responseCode: '-' })],
    ['no valid responseCode', JSON.stringify({ ...base, responseCode: 999 })],
  ])('is malformed: %s', (reason, line) => {
    expect(parseAccessLogRecord(line)).toEqual({ ok: false, reason });
  });

  it('never throws on arbitrary input (fuzzed)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (s) => {
          const r = parseAccessLogRecord(s);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('extractModelKey', () => {
  it.each([
    ['/model/invoke?modelid=amazon.nova-lite-v1%3A0', 'amazon.nova-lite-v1:0'],
    ['/model/anthropic.claude-3-5-haiku-20241022-v1:0/converse', 'anthropic.claude-3-5-haiku-20241022-v1:0'],
    ['/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke', 'anthropic.claude-3-haiku-20240307-v1:0'],
    ['/model/x/converse?modelid=meta.llama3-8b-instruct-v1%3A0', 'meta.llama3-8b-instruct-v1:0'],
    ['/health', null],
    ['/model/%E0%A4%A/invoke', '%E0%A4%A'],
  ])('%s → %s', (path, key) => {
    expect(extractModelKey(path)).toBe(key);
  });
});
