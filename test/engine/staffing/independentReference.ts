/**
 * Slow, textbook implementations used only to cross-check the engine by a different route: the definitions
 * summed term by term (small cases only) and the Erlang A service level from the tagged caller's Markov chain,
 * integrated in time instead of through the closed form the engine uses.
 */

/** B(N, A) = (A^N/N!) ÷ Σ_{k=0..N} A^k/k!, summed directly. Small N and A only. */
export function erlangBByDefinition(servers: number, traffic: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= servers; k++) {
    term *= traffic / k;
    sum += term;
  }
  return term / sum;
}

export interface BirthDeathResult {
  /** Stationary probabilities of 0, 1, 2, … callers in the system (truncated where negligible). */
  probabilities: number[];
  pWait: number;
  pAbandon: number;
  meanQueue: number;
}

/** The M/M/N+M chain in rate units of one handle time: arrivals A, departures min(k, N) + γ·max(k − N, 0). */
export function erlangABirthDeath(servers: number, traffic: number, gamma: number): BirthDeathResult {
  const weights = [1];
  for (let k = 1; ; k++) {
    const departures = Math.min(k, servers) + gamma * Math.max(k - servers, 0);
    const next = (weights[k - 1] * traffic) / departures;
    weights.push(next);
    if (k > servers + 10 && next < 1e-18 * weights.reduce((a, b) => a + b, 0)) break;
  }
  const total = weights.reduce((a, b) => a + b, 0);
  const probabilities = weights.map((w) => w / total);
  let pWait = 0;
  let meanQueue = 0;
  probabilities.forEach((p, k) => {
    if (k >= servers) {
      pWait += p;
      meanQueue += (k - servers) * p;
    }
  });
  return { probabilities, pWait, pAbandon: (gamma * meanQueue) / traffic, meanQueue };
}

/**
 * Service level of the M/M/N+M queue from the tagged caller's view: arriving behind j queued callers, the caller
 * moves up at rate N + jγ (a completion or an abandonment ahead), is answered from the head at rate N, and
 * abandons at rate γ. The transient probabilities are integrated with classical Runge–Kutta up to t.
 */
export function erlangAServiceLevelByTaggedCaller(servers: number, traffic: number, gamma: number, answerTime: number): number {
  const { probabilities } = erlangABirthDeath(servers, traffic, gamma);
  const positions = probabilities.length - servers;
  // state[j] = P(still waiting with j callers ahead); state[positions] = P(answered so far).
  let state = new Float64Array(positions + 1);
  let answeredAtOnce = 0;
  probabilities.forEach((p, k) => {
    if (k < servers) answeredAtOnce += p;
    else state[k - servers] = p;
  });
  const derivative = (s: Float64Array): Float64Array => {
    const ds = new Float64Array(positions + 1);
    for (let j = 0; j < positions; j++) {
      ds[j] -= (servers + j * gamma + gamma) * s[j];
      if (j + 1 < positions) ds[j] += (servers + (j + 1) * gamma) * s[j + 1];
    }
    ds[positions] = servers * s[0];
    return ds;
  };
  const steps = Math.max(200, Math.ceil(answerTime * (servers + positions * gamma) * 4));
  const h = answerTime / steps;
  const combine = (s: Float64Array, d: Float64Array, f: number) => s.map((v, i) => v + f * d[i]);
  for (let i = 0; i < steps; i++) {
    const k1 = derivative(state);
    const k2 = derivative(combine(state, k1, h / 2));
    const k3 = derivative(combine(state, k2, h / 2));
    const k4 = derivative(combine(state, k3, h));
    state = state.map((v, j) => v + (h / 6) * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]));
  }
  return answeredAtOnce + state[positions];
}
