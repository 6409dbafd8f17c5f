// Percentiles of a sample (nearest-rank), and a timer for async work.

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
}

/** Runs `work` `warmup` times unmeasured, then `runs` times one after another, and summarizes. */
export async function time(work: () => Promise<unknown>, options: { warmup: number; runs: number }): Promise<Timing> {
  for (let i = 0; i < options.warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { runs: options.runs, medianMs: round(percentile(samples, 50)), p95Ms: round(percentile(samples, 95)) };
}

export const round = (n: number, digits = 2) => Number(n.toFixed(digits));
