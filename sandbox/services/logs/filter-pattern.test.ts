import { describe, expect, it } from 'vitest';
import { compileFilterPattern } from './filter-pattern';

describe('compileFilterPattern', () => {
  it('matches everything when empty', () => {
    expect(compileFilterPattern(undefined)('anything')).toBe(true);
    expect(compileFilterPattern('  ')('anything')).toBe(true);
  });

  it('needs every term, any of the ?terms, none of the -terms, case-sensitively', () => {
    const m = compileFilterPattern('ERROR "disk full" -ignored');
    expect(m('ERROR: disk full on /var')).toBe(true);
    expect(m('ERROR: disk full (ignored)')).toBe(false);
    expect(m('error: disk full')).toBe(false);
    const any = compileFilterPattern('?403 ?500');
    expect(any('status 403')).toBe(true);
    expect(any('status 200')).toBe(false);
  });

  it('evaluates JSON patterns on JSON messages', () => {
    const m = compileFilterPattern('{ $.responseCode = 403 && $.authDeniedReason = "Service" }');
    expect(m(JSON.stringify({ responseCode: 403, authDeniedReason: 'Service' }))).toBe(true);
    expect(m(JSON.stringify({ responseCode: 200, authDeniedReason: '-' }))).toBe(false);
    expect(m('not json')).toBe(false);
    const glob = compileFilterPattern('{ $.callerPrincipal = "arn:aws:sts::200000000331:*" || $.x != 1 }');
    expect(glob(JSON.stringify({ callerPrincipal: 'arn:aws:sts::200000000331:assumed-role/r/s' }))).toBe(
      true,
    );
    expect(glob(JSON.stringify({ callerPrincipal: 'arn:aws:sts::1:assumed-role/r/s', x: 2 }))).toBe(true);
    expect(glob(JSON.stringify({ callerPrincipal: 'arn:aws:sts::1:assumed-role/r/s', x: 1 }))).toBe(false);
  });

  it('refuses a JSON pattern it cannot read', () => {
    expect(() => compileFilterPattern('{ $.a ~ 1 }')).toThrow(/Invalid filter pattern/);
  });
});
