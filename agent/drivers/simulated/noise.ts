// Small random helpers that make simulated metrics look like real ones.

/** Gaussian noise (Box-Muller), mean 0, standard deviation 1. */
export function gaussian(random = Math.random): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A positive latency around `meanMs` with relative jitter. */
export function latency(meanMs: number, jitter = 0.25, random = Math.random): number {
  return Math.max(meanMs * 0.2, meanMs * (1 + jitter * gaussian(random)));
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
