// The Pareto/NBD log-likelihood over grouped customers together with its gradient with respect
// to (ln r, ln α, ln s, ln β), for the fit's BFGS steps: one pass costs about two evaluations
// where central differences of the whole sum cost nine.
//
// The rows are differentiated analytically (chain rule through logAddExp/logSubExp). What they
// need of G(u) (see pareto-nbd.ts) is ∂ log G per distinct (x, u) pair, and each row's share of
// it is summed into that pair first, so per row only a division and a few additions are added.
// Per pair: α and β enter G only through z and the power (m+u)^−a, and
//   d/dz 2F1(a, k; a+1; z) = a·k/(a+1) · 2F1(a+1, k+1; a+2; z),
// one more hyp2f1 call. r and s also enter 2F1's parameters, whose derivatives have no closed
// form: those two are central differences of log G per pair (step 1e-5 relative; hyp2f1 is
// accurate to ~1e-15, so the error is ~1e-10 — far below that of differencing the whole sum,
// whose rounding noise is ~1e-13 of a value summed over a million customers).
import { digammaDiff, hyp2f1 } from './special-functions.ts';
import { lnGammaRatio } from './bg-nbd.ts';
import type { CustomerGroups } from './group-customers.ts';
import { pairIndex, paretoNbdRowTerms } from './pareto-nbd-pairs.ts';
import type { ParetoNbdParams } from './pareto-nbd.ts';

/** Relative step of the per-pair differences in r and s. */
const STEP = 1e-5;

function logG(r: number, alpha: number, s: number, beta: number, x: number, u: number): number {
  const rsx = r + s + x;
  const m = Math.max(alpha, beta);
  const k = alpha >= beta ? s + 1 : r + x;
  return Math.log(hyp2f1(rsx, k, rsx + 1, Math.abs(alpha - beta) / (m + u))) - rsx * Math.log(m + u);
}

/**
 * log G at one (x, u) pair, and its derivatives in r, α, s, β written to d[o … o+3].
 * The value is computed exactly as paretoNbdLogG computes it.
 */
export function paretoNbdLogGWithGradient(
  p: ParetoNbdParams,
  x: number,
  u: number,
  d: Float64Array,
  o: number,
): number {
  const { r, alpha, s, beta } = p;
  const rsx = r + s + x;
  const aGeB = alpha >= beta;
  const m = aGeB ? alpha : beta;
  const k = aGeB ? s + 1 : r + x;
  const mu = m + u;
  const z = Math.abs(alpha - beta) / mu;
  const F = hyp2f1(rsx, k, rsx + 1, z);
  const value = Math.log(F) - rsx * Math.log(mu);
  // d log F / dz
  const dz = z === 0 ? (rsx * k) / (rsx + 1) : ((rsx * k) / (rsx + 1)) * (hyp2f1(rsx + 1, k + 1, rsx + 2, z) / F);
  // z = (m − other)/(m + u): ∂z/∂m = (other + u)/(m+u)², ∂z/∂other = −1/(m+u); the power adds −a/(m+u) to ∂/∂m.
  const dm = (dz * ((aGeB ? beta : alpha) + u)) / (mu * mu) - rsx / mu;
  const dOther = -dz / mu;
  d[o + 1] = aGeB ? dm : dOther;
  d[o + 3] = aGeB ? dOther : dm;
  const hr = STEP * r;
  const hs = STEP * s;
  d[o] = (logG(r + hr, alpha, s, beta, x, u) - logG(r - hr, alpha, s, beta, x, u)) / (2 * hr);
  d[o + 2] = (logG(r, alpha, s + hs, beta, x, u) - logG(r, alpha, s - hs, beta, x, u)) / (2 * hs);
  return value;
}

/**
 * Total log-likelihood (as paretoNbdLogLikelihood) and its gradient with respect to
 * (ln r, ln α, ln s, ln β), written to `grad`.
 */
export function paretoNbdLogLikelihoodWithGradient(p: ParetoNbdParams, g: CustomerGroups, grad: Float64Array): number {
  const { r, alpha, s, beta } = p;
  grad.fill(0);
  if (!(r > 0 && alpha > 0 && s > 0 && beta > 0)) return -Infinity;
  const pairs = pairIndex(g);
  const np = pairs.pairX.length;
  const lg = new Float64Array(np);
  const dlg = new Float64Array(4 * np);
  for (let k = 0; k < np; k++)
    lg[k] = paretoNbdLogGWithGradient(p, pairs.pairX[k] as number, pairs.pairU[k] as number, dlg, 4 * k);
  const nx = g.uniqueX.length;
  const nT = g.uniqueT.length;
  const { perX, laT, lbT } = paretoNbdRowTerms(p, g);
  // Each row's weight on the "alive" branch, per T (and times x), on the "died" branch per x,
  // and on each log G it uses, per pair.
  const aliveT = new Float64Array(nT);
  const aliveXT = new Float64Array(nT);
  const diedX = new Float64Array(nx);
  const onPair = new Float64Array(np);
  const countX = new Float64Array(nx);
  let total = 0;
  for (let i = 0; i < g.size; i++) {
    const w = g.weight[i] as number;
    const xk = g.xIndex[i] as number;
    const x = g.x[i] as number;
    const Tk = g.TIndex[i] as number;
    countX[xk] = (countX[xk] as number) + w;
    const alive = -(r + x) * (laT[Tk] as number) - (lbT[Tk] as number);
    const ia = pairs.txPair[i] as number;
    const ib = pairs.TPair[i] as number;
    const a = lg[ia] as number;
    const b = lg[ib] as number;
    const px = perX[xk] as number;
    // The same operations as paretoNbdLogLikelihood, so the values agree bit for bit; the
    // branches' shares of the bracket come from the exp already taken (no more per row).
    if (b >= a) {
      total += w * alive;
      aliveT[Tk] = (aliveT[Tk] as number) + w;
      aliveXT[Tk] = (aliveXT[Tk] as number) + w * x;
      continue;
    }
    const q = Math.exp(b - a);
    const died = px + a + Math.log1p(-q);
    let pAlive: number;
    if (alive > died) {
      const e = Math.exp(died - alive);
      total += w * (alive + Math.log1p(e));
      pAlive = 1 / (1 + e);
    } else {
      const e = Math.exp(alive - died);
      total += w * (died + Math.log1p(e));
      pAlive = e / (1 + e);
    }
    const wAlive = w * pAlive;
    const wDied = w - wAlive;
    aliveT[Tk] = (aliveT[Tk] as number) + wAlive;
    aliveXT[Tk] = (aliveXT[Tk] as number) + wAlive * x;
    // d died = d perX + (da − q db)/(1 − q), q = e^(b − a).
    diedX[xk] = (diedX[xk] as number) + wDied;
    const onA = wDied / (1 - q);
    onPair[ia] = (onPair[ia] as number) + onA;
    onPair[ib] = (onPair[ib] as number) - onA * q;
  }
  let totalW = 0;
  let dr = 0;
  let dAlpha = 0;
  let ds = 0;
  let dBeta = 0;
  for (let k = 0; k < nx; k++) {
    const x = g.uniqueX[k] as number;
    const c = countX[k] as number;
    total += c * lnGammaRatio(r, x);
    totalW += c;
    dr += c * digammaDiff(r, x);
    const inv = 1 / (r + s + x);
    dr -= (diedX[k] as number) * inv;
    ds += (diedX[k] as number) * (1 / s - inv);
  }
  total += totalW * (r * Math.log(alpha) + s * Math.log(beta));
  dr += totalW * Math.log(alpha);
  dAlpha += (totalW * r) / alpha;
  ds += totalW * Math.log(beta);
  dBeta += (totalW * s) / beta;
  for (let k = 0; k < nT; k++) {
    const T = g.uniqueT[k] as number;
    const wa = aliveT[k] as number;
    if (wa === 0) continue;
    dr -= wa * (laT[k] as number);
    dAlpha -= (r * wa + (aliveXT[k] as number)) / (alpha + T);
    ds -= wa * Math.log(beta + T);
    dBeta -= (s * wa) / (beta + T);
  }
  for (let k = 0; k < np; k++) {
    const c = onPair[k] as number;
    if (c === 0) continue;
    dr += c * (dlg[4 * k] as number);
    dAlpha += c * (dlg[4 * k + 1] as number);
    ds += c * (dlg[4 * k + 2] as number);
    dBeta += c * (dlg[4 * k + 3] as number);
  }
  if (Number.isNaN(total)) return -Infinity;
  // Log-parameters: ∂/∂ ln θ = θ ∂/∂θ.
  grad[0] = r * dr;
  grad[1] = alpha * dAlpha;
  grad[2] = s * ds;
  grad[3] = beta * dBeta;
  return total;
}
