/**
 * The app's one seeded random generator (mulberry32): the demo workspace, solver neighbourhoods, Monte Carlo runs
 * and benches draw from it, so the same seed gives the same numbers on every machine.
 */

/** Uniform numbers in [0, 1) from a 32-bit seed. */
export function randomStream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  below(n: number): number;
  /** k distinct values of [0, n), in random order. */
  sample(n: number, k: number): number[];
};

/** The stream with integer and sampling helpers (the roster search's neighbourhoods). */
export function seededRandom(seed: number): Random {
  const next = randomStream(seed);
  const below = (n: number) => Math.floor(next() * n);
  const sample = (n: number, k: number) => {
    const pool = Array.from({ length: n }, (_, i) => i);
    const count = Math.min(k, n);
    for (let i = 0; i < count; i++) {
      const j = i + below(n - i);
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, count);
  };
  return { next, below, sample };
}

/** Poisson draw: exact multiplication method for small means, a rounded normal for large ones. */
export function poisson(mean: number, random: () => number): number {
  if (mean <= 0) return 0;
  if (mean < 40) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = random();
    while (p > limit) {
      k += 1;
      p *= random();
    }
    return k;
  }
  const u = Math.max(random(), 1e-12);
  const v = random();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal));
}
