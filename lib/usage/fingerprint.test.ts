import { describe, expect, it } from 'vitest';
import { ObjectFingerprinter, fingerprintOfId } from './fingerprint';

describe('ObjectFingerprinter', () => {
  it('gives identical lines of one object distinct fingerprints, and the same object the same ones', () => {
    const lines = ['{"a":1}', '{"b":2}', '{"a":1}', '{"a":1}'];
    const first = new ObjectFingerprinter();
    const a = lines.map((l) => first.next(l));
    expect(new Set(a).size).toBe(4);
    const again = new ObjectFingerprinter();
    expect(lines.map((l) => again.next(l))).toEqual(a);
  });

  it('fits a signed 64-bit integer (PostgreSQL bigint)', () => {
    const f = new ObjectFingerprinter();
    for (let i = 0; i < 1000; i++) {
      const v = f.next(`line ${i}`);
      expect(v >= -(2n ** 63n) && v < 2n ** 63n).toBe(true);
    }
  });

  it('fingerprints ids per namespace', () => {
    expect(fingerprintOfId('cwl:/a', '1')).toBe(fingerprintOfId('cwl:/a', '1'));
    expect(fingerprintOfId('cwl:/a', '1')).not.toBe(fingerprintOfId('cwl:/b', '1'));
  });
});
