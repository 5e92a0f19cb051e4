// Log-gamma, digamma and the regularized lower incomplete gamma in log space: the special
// functions Erlang A needs at thousands of agents, where factorials and powers overflow.

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(z) for z > 0 (Stirling series after shifting z ≥ 10; ~1e-15 relative). */
export function logGamma(z: number): number {
  if (!(z > 0)) throw new RangeError(`logGamma needs z > 0, got ${z}`);
  let shift = 0;
  let w = z;
  while (w < 10) {
    shift += Math.log(w);
    w += 1;
  }
  const inv = 1 / w;
  const inv2 = inv * inv;
  const series =
    inv *
    (1 / 12 -
      inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 * (1 / 1188 - (inv2 * 691) / 360360)))));
  return (w - 0.5) * Math.log(w) - w + HALF_LOG_TWO_PI + series - shift;
}

/** ψ(z) = d/dz ln Γ(z) for z > 0 (asymptotic series after shifting z ≥ 10). */
export function digamma(z: number): number {
  if (!(z > 0)) throw new RangeError(`digamma needs z > 0, got ${z}`);
  let shift = 0;
  let w = z;
  while (w < 10) {
    shift += 1 / w;
    w += 1;
  }
  const inv2 = 1 / (w * w);
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))));
  return Math.log(w) - 0.5 / w - series - shift;
}

const EPS = 1e-16;
const TINY = 1e-300;

/**
 * ln P(a, z), P the regularized lower incomplete gamma γ(a, z)/Γ(a). Series for z < a + 1,
 * Lentz continued fraction for Q = 1 − P otherwise (Press et al., Numerical Recipes §6.2);
 * both need O(√a) terms near z = a, and the log form keeps tiny P representable.
 */
export function logRegularizedLowerGamma(a: number, z: number): number {
  if (!(a > 0)) throw new RangeError(`logRegularizedLowerGamma needs a > 0, got ${a}`);
  if (z <= 0) return Number.NEGATIVE_INFINITY;
  const logPrefix = a * Math.log(z) - z - logGamma(a);
  const maxIter = 100 + 20 * Math.ceil(Math.sqrt(a + z));
  if (z < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n <= maxIter; n++) {
      term *= z / (a + n);
      sum += term;
      if (term < sum * EPS) return logPrefix + Math.log(sum);
    }
    throw new RangeError(`incomplete gamma series did not converge for a=${a}, z=${z}`);
  }
  let b = z + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= maxIter; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) return Math.log1p(-Math.exp(logPrefix) * h);
  }
  throw new RangeError(`incomplete gamma continued fraction did not converge for a=${a}, z=${z}`);
}
