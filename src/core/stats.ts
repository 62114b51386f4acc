/**
 * Ratio estimates over independent trials: R = sum x / sum y with a delta-method standard
 * error, se(R) = sqrt( sum (x_i - R y_i)^2 / (n (n - 1)) ) / mean(y).
 */
export class RatioStat {
  private xs: number[] = [];
  private ys: number[] = [];

  add(x: number, y: number): void {
    this.xs.push(x);
    this.ys.push(y);
  }

  get n(): number {
    return this.xs.length;
  }

  get ratio(): number {
    const sy = sum(this.ys);
    return sy > 0 ? sum(this.xs) / sy : Number.NaN;
  }

  get stderr(): number {
    const n = this.xs.length;
    if (n < 2) return Number.NaN;
    const r = this.ratio;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (this.xs[i] - r * this.ys[i]) ** 2;
    const my = sum(this.ys) / n;
    return Math.sqrt(ss / (n * (n - 1))) / my;
  }
}

function sum(a: readonly number[]): number {
  let s = 0;
  for (const v of a) s += v;
  return s;
}

/** The upper tail quantile of chi-square with `df` degrees of freedom at standard-normal z
 * (Wilson-Hilferty approximation). */
export function chiSquareCritical(df: number, z: number): number {
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

/**
 * Pearson goodness of fit of observed counts to expected probabilities; bins with expected
 * count under `minExpected` are pooled into one bin. Returns the statistic and its df.
 */
export function chiSquareGof(
  observed: ReadonlyMap<string, number>,
  expected: ReadonlyMap<string, number>,
  n: number,
  minExpected = 5,
): { stat: number; df: number } {
  let stat = 0;
  let bins = 0;
  let poolObs = n;
  let poolExp = 1;
  for (const [key, prob] of expected) {
    const e = prob * n;
    if (e < minExpected) continue;
    const o = observed.get(key) ?? 0;
    stat += (o - e) ** 2 / e;
    bins++;
    poolObs -= o;
    poolExp -= prob;
  }
  const pe = poolExp * n;
  if (pe >= 1e-9) {
    stat += (poolObs - pe) ** 2 / pe;
    bins++;
  } else if (poolObs > 0) stat = Number.POSITIVE_INFINITY;
  return { stat, df: Math.max(1, bins - 1) };
}

/** Standard normal CDF (Abramowitz-Stegun 7.1.26 via erf; error below 1.5e-7). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2);
  return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/** Upper-tail p-value of a chi-square statistic (Wilson-Hilferty normal approximation). */
export function chiSquarePValue(stat: number, df: number): number {
  if (!Number.isFinite(stat)) return 0;
  const a = 2 / (9 * df);
  const z = ((stat / df) ** (1 / 3) - (1 - a)) / Math.sqrt(a);
  return 1 - normalCdf(z);
}

/**
 * Two-sample chi-square test of homogeneity over categories (e.g. generated sequences):
 * categories with fewer than `minCount` observations in both samples together are pooled.
 */
export function chiSquareHomogeneity(
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
  minCount = 10,
): { stat: number; df: number; pValue: number } {
  const na = [...a.values()].reduce((x, y) => x + y, 0);
  const nb = [...b.values()].reduce((x, y) => x + y, 0);
  const n = na + nb;
  const cells: [number, number][] = [];
  let poolA = 0;
  let poolB = 0;
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const oa = a.get(key) ?? 0;
    const ob = b.get(key) ?? 0;
    if (oa + ob >= minCount) cells.push([oa, ob]);
    else {
      poolA += oa;
      poolB += ob;
    }
  }
  if (poolA + poolB > 0) cells.push([poolA, poolB]);
  let stat = 0;
  for (const [oa, ob] of cells) {
    const tot = oa + ob;
    const ea = (tot * na) / n;
    const eb = (tot * nb) / n;
    stat += (oa - ea) ** 2 / ea + (ob - eb) ** 2 / eb;
  }
  const df = Math.max(1, cells.length - 1);
  return { stat, df, pValue: chiSquarePValue(stat, df) };
}
