/**
 * Erlang A (M/M/N+M): Erlang C plus callers who hang up after an exponential patience time with mean `patienceSec`.
 * Solved exactly from the birth–death chain, without the usual approximations.
 *
 * Notation (time measured in handle times, so the service rate is 1):
 *   A = offered Erlangs, N = servers, γ = AHT ÷ patience (abandon rate per waiting caller), t = answerSec ÷ AHT.
 *
 * 1. Stationary distribution. The state is the number of callers in the system; arrivals come at rate A, leave at
 *    rate min(k, N) + γ·max(k − N, 0). Relative to π_N, the states with j callers queued have weight
 *      w_j = Π_{i=1..j} A ÷ (N + iγ),        S = Σ_{j≥0} w_j,
 *    and the states below N sum to π_N·(1/B − 1) with B = Erlang B(N, A). Arrivals see the stationary state
 *    (PASTA), so P(wait) = S ÷ (1/B − 1 + S).
 *
 * 2. The offered wait. A caller arriving behind j queued callers reaches a server after V_j = Σ_{i=0..j} Exp(N + iγ)
 *    (each step ends on a service completion or an abandonment ahead). That sum of exponentials with evenly spaced
 *    rates has Laplace transform Γ(a+j+1)Γ(a+σ) ÷ (Γ(a)Γ(a+j+1+σ)) with a = N/γ, which is the transform of the
 *    density γ·Γ(a+j+1)/(Γ(a)·j!) · e^(−N·s)·(1 − e^(−γs))^j (i.e. e^(−γV_j) ~ Beta(a, j+1)). Mixing over j with
 *    the weights w_j, the series Σ (A/γ)^j(1 − e^(−γs))^j ÷ j! collapses to an exponential, so the offered wait of
 *    a caller who has to queue has density proportional to
 *      f(s) = exp(−N·s + (A/γ)·(1 − e^(−γs))),        with S = N·∫₀^∞ f(s) ds.
 *    (As γ → 0, f(s) → e^(−(N − A)s): Erlang C's exponential wait.)
 *
 * 3. Outcomes. The caller is answered only if their own patience outlasts V, which happens with probability
 *    e^(−γV); otherwise they wait min(V, patience). Hence, for a caller who has to queue,
 *      P(answered within t | wait) = ∫₀^t e^(−γs) f(s) ds ÷ ∫₀^∞ f(s) ds
 *      P(abandon | wait)           = ∫₀^∞ (1 − e^(−γs)) f(s) ds ÷ ∫₀^∞ f(s) ds
 *      E[time in queue | wait]     = P(abandon | wait) ÷ γ        (Little's law: abandon rate = γ × queue length)
 *      E[wait·answered | wait]     = ∫₀^∞ s·e^(−γs) f(s) ds ÷ ∫₀^∞ f(s) ds
 *    and SL = 1 − P(wait) + P(wait)·P(answered within t | wait), P(abandon) = P(wait)·P(abandon | wait),
 *    ASA = P(abandon) × patience, occupancy = A·(1 − P(abandon)) ÷ N (the carried load over the servers), and
 *    the mean wait of answered callers = P(wait)·E[wait·answered | wait] ÷ (1 − P(abandon)).
 *    The answered share in the last two is summed as 1 − P(wait) + P(wait)·P(answered | wait), which keeps its
 *    digits when almost everyone abandons.
 *
 * Numerics. log f is concave, so the integrand is a single hump. Everything is scaled by the hump's peak (at
 * s* = ln(A/N)/γ when A > N, else 0) so nothing overflows even when S is astronomically large, and the integrals
 * run over the range where f is within e^−60 of its peak, in Gauss–Legendre panels that also resolve the 1/γ scale
 * of the patience weights and break exactly at t. P(wait) is combined in log space, so B underflowing to 0 (many
 * more servers than traffic) gives P(wait) = 0 rather than 0/0.
 */
import { erlangB } from './erlangB';
import type { LiveLoad } from './erlangC';
import { gaussLegendreRule } from './gaussLegendre';
import type { ErlangAMetrics } from './queueMetrics';

export interface ImpatientLoad extends LiveLoad {
  /** Mean time a caller is willing to wait before hanging up, in seconds. */
  patienceSec: number;
}

/** The intermediate quantities of the exact solution, exposed so the calculator can show them. */
export interface ErlangABreakdown {
  /** Erlang B for the same servers and traffic. */
  blocking: number;
  /** γ = AHT ÷ patience. */
  abandonRatePerHandleTime: number;
  /** ln S, S = Σ_j w_j: the queued states' total weight relative to π_N. */
  logQueuedWeight: number;
  pWait: number;
  answeredGivenWait: number;
  answeredWithinGivenWait: number;
  abandonGivenWait: number;
  /** E[wait × 1{answered} | wait] in handle times. */
  answeredWaitMomentGivenWait: number;
}

/** Tail cut-off: the integrand is dropped where it is below e^−60 of its peak. */
const TAIL_LOG_RATIO = 60;
const PANELS_PER_SIDE = 8;
/** Width of the panels that resolve the patience weight e^(−γs), in units of 1/γ, and how far they reach. */
const PATIENCE_PANEL_WIDTH = 4;
const PATIENCE_PANEL_REACH = 60;
const RULE = gaussLegendreRule(16);

export function erlangAMetrics(load: ImpatientLoad, blocking = erlangB(load.servers, load.traffic)): ErlangAMetrics {
  const breakdown = erlangABreakdown(load, blocking);
  return metricsFromBreakdown(load, breakdown);
}

function metricsFromBreakdown(load: ImpatientLoad, breakdown: ErlangABreakdown): ErlangAMetrics {
  const { pWait, answeredGivenWait, answeredWithinGivenWait, abandonGivenWait, answeredWaitMomentGivenWait } = breakdown;
  const pAbandon = pWait * abandonGivenWait;
  const answered = 1 - pWait + pWait * answeredGivenWait;
  return {
    pWait,
    serviceLevel: 1 - pWait + pWait * answeredWithinGivenWait,
    asaSec: pAbandon * load.patienceSec,
    asaAnsweredSec: answered > 0 ? (pWait * answeredWaitMomentGivenWait * load.ahtSec) / answered : 0,
    // At most every server busy; the guard only absorbs rounding in the last digit.
    occupancy: load.servers > 0 ? Math.min(1, (load.traffic * answered) / load.servers) : 0,
    pAbandon,
    stable: true,
  };
}

export function erlangABreakdown(load: ImpatientLoad, blocking = erlangB(load.servers, load.traffic)): ErlangABreakdown {
  const { servers: n, traffic: a } = load;
  const gamma = load.ahtSec / load.patienceSec;
  if (n <= 0) {
    // Nobody on duty: every caller queues and, sooner or later, hangs up.
    return {
      blocking,
      abandonRatePerHandleTime: gamma,
      logQueuedWeight: Number.POSITIVE_INFINITY,
      pWait: 1,
      answeredGivenWait: 0,
      answeredWithinGivenWait: 0,
      abandonGivenWait: 1,
      answeredWaitMomentGivenWait: 0,
    };
  }
  if (a <= 0) {
    return {
      blocking,
      abandonRatePerHandleTime: gamma,
      logQueuedWeight: 0,
      pWait: 0,
      answeredGivenWait: 1,
      answeredWithinGivenWait: 1,
      abandonGivenWait: 0,
      answeredWaitMomentGivenWait: 0,
    };
  }
  const hump = new WaitHump(n, a, gamma);
  const sums = hump.integrate(load.answerSec / load.ahtSec);
  const logQueuedWeight = Math.log(n) + hump.logPeak + Math.log(sums.total);
  // P(wait) = S ÷ (1/B − 1 + S) = 1 ÷ (1 + (1 − B)/(B·S)), with the ratio taken in logs.
  const logRatio = Math.log1p(-blocking) - Math.log(blocking) - logQueuedWeight;
  return {
    blocking,
    abandonRatePerHandleTime: gamma,
    logQueuedWeight,
    pWait: 1 / (1 + Math.exp(logRatio)),
    answeredGivenWait: sums.answered / sums.total,
    answeredWithinGivenWait: sums.answeredWithin / sums.total,
    abandonGivenWait: sums.abandoned / sums.total,
    answeredWaitMomentGivenWait: sums.answeredWaitMoment / sums.total,
  };
}

interface HumpSums {
  total: number;
  answered: number;
  answeredWithin: number;
  abandoned: number;
  answeredWaitMoment: number;
}

/**
 * log f(s) − log f(s*) written around the peak, d = s − s*, with r = A·e^(−γs*) = min(A, N):
 *   g(d) = −(N − r)·d − (r/γ)·q(γd),   q(x) = x − 1 + e^(−x) ≥ 0.
 * Writing it this way avoids subtracting two huge numbers when the peak is far out (A > N, long patience).
 */
class WaitHump {
  readonly peakAt: number;
  readonly logPeak: number;
  private readonly rateAtPeak: number;
  /** e^(−γs*): the chance a caller outlasts a wait of s*, = N/A when the peak is past 0. */
  private readonly answeredAtPeak: number;

  constructor(
    private readonly servers: number,
    traffic: number,
    private readonly gamma: number,
  ) {
    if (traffic > servers) {
      const excess = traffic / servers - 1;
      this.peakAt = Math.log1p(excess) / gamma;
      this.rateAtPeak = servers;
      this.answeredAtPeak = servers / traffic;
      // h(s*) = −N·s* + (A − N)/γ = N·(x − ln(1 + x))/γ with x = A/N − 1.
      this.logPeak = (servers * (excess - Math.log1p(excess))) / gamma;
    } else {
      this.peakAt = 0;
      this.rateAtPeak = traffic;
      this.answeredAtPeak = 1;
      this.logPeak = 0;
    }
  }

  logRelative(d: number): number {
    const x = this.gamma * d;
    return this.logRelativeWith(d, x, Math.expm1(-x));
  }

  /** g(d) given x = γd and expm1(−x), which the integration loop reuses for the patience weights. */
  private logRelativeWith(d: number, x: number, expm1Down: number): number {
    const q = Math.abs(x) < 1e-3 ? qSeries(x) : x + expm1Down;
    return -(this.servers - this.rateAtPeak) * d - (this.rateAtPeak / this.gamma) * q;
  }

  integrate(answerTime: number): HumpSums {
    const sums: HumpSums = { total: 0, answered: 0, answeredWithin: 0, abandoned: 0, answeredWaitMoment: 0 };
    const edges = this.panelEdges(answerTime);
    for (let p = 1; p < edges.length; p++) {
      const from = edges[p - 1];
      const to = edges[p];
      const half = (to - from) / 2;
      const middle = (to + from) / 2;
      // Edges include t, so a whole panel lies either before or after it.
      const beforeAnswerTime = middle + this.peakAt <= answerTime;
      for (let i = 0; i < RULE.nodes.length; i++) {
        const d = middle + half * RULE.nodes[i];
        const s = this.peakAt + d;
        // One expm1 serves the density and the patience weights: e^(−γs) = e^(−γs*)·e^(−γd).
        const x = this.gamma * d;
        const expm1Down = Math.expm1(-x);
        const mass = half * RULE.weights[i] * Math.exp(this.logRelativeWith(d, x, expm1Down));
        // 1 − e^(−γs) straight from expm1 when s = d, so tiny abandonment keeps its digits.
        const answeredShare = this.answeredAtPeak * (1 + expm1Down);
        const abandonedShare = this.peakAt === 0 ? -expm1Down : 1 - answeredShare;
        sums.total += mass;
        sums.answered += mass * answeredShare;
        sums.abandoned += mass * abandonedShare;
        sums.answeredWaitMoment += mass * s * answeredShare;
        if (beforeAnswerTime) sums.answeredWithin += mass * answeredShare;
      }
    }
    return sums;
  }

  /** Panel boundaries in d: even panels each side of the peak, the patience scale near s = 0, and t itself. */
  private panelEdges(answerTime: number): number[] {
    const left = this.leftEnd();
    const right = this.rightEnd();
    const edges: number[] = [];
    for (let p = 0; p <= PANELS_PER_SIDE; p++) {
      edges.push((right * p) / PANELS_PER_SIDE);
      if (left < 0) edges.push((left * p) / PANELS_PER_SIDE);
    }
    const inside = (d: number) => d > left && d < right;
    for (let k = 1; k * PATIENCE_PANEL_WIDTH <= PATIENCE_PANEL_REACH; k++) {
      const d = (k * PATIENCE_PANEL_WIDTH) / this.gamma - this.peakAt;
      if (inside(d)) edges.push(d);
    }
    if (inside(answerTime - this.peakAt)) edges.push(answerTime - this.peakAt);
    edges.sort((x, y) => x - y);
    return edges.filter((d, i) => i === 0 || d > edges[i - 1]);
  }

  /**
   * Right end: where g = −TAIL_LOG_RATIO. g is concave, so Newton's method started beyond the root walks back to it
   * monotonically and never steps inside; a starting point is beyond the root because q(x) ≥ x − 1.
   */
  private rightEnd(): number {
    const spare = this.servers - this.rateAtPeak;
    const r = this.rateAtPeak;
    let d = (1 + (TAIL_LOG_RATIO * this.gamma) / r) / this.gamma;
    if (spare > 0) d = Math.min(d, TAIL_LOG_RATIO / spare);
    for (let iteration = 0; iteration < 50; iteration++) {
      const excess = this.logRelative(d) + TAIL_LOG_RATIO;
      const slope = -this.servers + r * Math.exp(-this.gamma * d);
      const step = excess / slope;
      if (!(step > 0) || step < 1e-6 * d) break;
      d -= step;
    }
    return d;
  }

  /** Left end (only when the peak is past s = 0): s = 0 itself, or where g = −TAIL_LOG_RATIO if that is nearer. */
  private leftEnd(): number {
    let d = -this.peakAt;
    if (d === 0 || this.logRelative(d) >= -TAIL_LOG_RATIO) return d;
    for (let iteration = 0; iteration < 50; iteration++) {
      const excess = this.logRelative(d) + TAIL_LOG_RATIO;
      const slope = -this.servers + this.rateAtPeak * Math.exp(-this.gamma * d);
      const step = excess / slope;
      if (!(step < 0) || -step < 1e-6 * -d) break;
      d -= step;
    }
    return d;
  }
}

/** q(x) = x − 1 + e^(−x) near 0, by its Taylor series, where x + expm1(−x) would cancel. */
function qSeries(x: number): number {
  return x * x * (0.5 - x * (1 / 6 - x * (1 / 24 - x / 120)));
}
