/**
 * Record fingerprints: a 64-bit hash of the record's bytes plus its occurrence within the object, stored under a
 * unique constraint. Re-reading an object, or the same bytes delivered under another key (or through another
 * source), yields the same fingerprints, so nothing counts twice; two identical real requests in one object get
 * occurrences 0 and 1 and both count.
 *
 * The occurrence counter is a fixed-size table of counts indexed by 20 bits of the line hash, so memory stays
 * bounded whatever the object's size. Two different lines sharing a slot only make the second one's occurrence
 * larger: its fingerprint stays unique (the line hash differs) and deterministic (same bytes, same order), which is
 * all the scheme needs. 64 bits: at 10^8 retained records the chance of any collision is ~3·10^-4.
 */
import { hash } from 'node:crypto';

const SLOT_BITS = 20;
const SLOT_MASK = (1 << SLOT_BITS) - 1;
// Odd 64-bit multiplier (golden ratio): spreads occurrences over the hash space.
const OCCURRENCE_MIX = 0x9e3779b97f4a7c15n;
const U64 = (1n << 64n) - 1n;
const I64_SIGN = 1n << 63n;

/** Signed 64-bit (PostgreSQL bigint) from an unsigned value. */
function toInt64(u: bigint): bigint {
  return u & I64_SIGN ? u - (1n << 64n) : u;
}

// One-shot hash: no Hash object per record (a million short-lived native objects fragment the process heap).
export function hashRecord(text: string): Buffer {
  return hash('sha256', text, 'buffer');
}

/** Fingerprints the records of one object, in order. Create one per object. */
export class ObjectFingerprinter {
  private readonly counts = new Uint32Array(1 << SLOT_BITS);

  /** Fingerprint of the next record of the object (call in object order). */
  next(text: string): bigint {
    const h = hashRecord(text);
    const slot = h.readUInt32BE(0) & SLOT_MASK;
    const occurrence = this.counts[slot]!;
    this.counts[slot] = occurrence + 1;
    const base = h.readBigUInt64BE(8);
    return toInt64((base + BigInt(occurrence) * OCCURRENCE_MIX) & U64);
  }
}

/** A fingerprint from a record's own unique id (e.g. a CloudWatch Logs eventId), for sources that have one. */
export function fingerprintOfId(namespace: string, id: string): bigint {
  return toInt64(hashRecord(`${namespace}\u0000${id}`).readBigUInt64BE(8));
}
