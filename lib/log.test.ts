import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { LOG_REDACT_PATHS } from './log';

describe('log redaction', () => {
  it('never writes secret-bearing fields', () => {
    let out = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        out += String(chunk);
        done();
      },
    });
    const log = pino({ redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' } }, sink);
    log.info(
      {
        creds: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'very-secret', sessionToken: 'tok' },
        headers: { authorization: 'AWS4-HMAC-SHA256 Credential=...', cookie: 'next-auth.session-token=abc' },
        oidc: { clientSecret: 'oidc-secret' },
      },
      'calling AWS',
    );
    expect(out).not.toContain('very-secret');
    expect(out).not.toContain('oidc-secret');
    expect(out).not.toContain('next-auth.session-token=abc');
    expect(out).not.toContain('Credential=');
    expect(out).toContain('AKIAEXAMPLE');
    expect(out).toContain('[redacted]');
  });
});
