import { createHash } from 'node:crypto';

/** Small seeded PRNG (mulberry32): the data plane and the traffic generator must replay identically from a seed. */
export type TRandom = () => number;

export function seededRandom(seed: number): TRandom {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function seedOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

export function randomInt(random: TRandom, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Log-normal-ish positive value around `median`, for token counts and latencies. */
export function skewed(random: TRandom, median: number, spread = 0.6): number {
  const u = Math.max(1e-9, random());
  const v = random();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return median * Math.exp(spread * normal);
}

/** UUID-shaped id from the PRNG (Lattice and Bedrock request ids are UUIDs). */
export function randomUuid(random: TRandom): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function randomHex(random: TRandom, length: number): string {
  return Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
}
