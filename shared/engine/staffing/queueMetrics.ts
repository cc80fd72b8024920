/** What a staffing level delivers to one live queue in one interval. */
export interface QueueMetrics {
  /** Probability that an arriving contact finds every server busy and has to wait. */
  pWait: number;
  /** Share of offered contacts answered within the target answer time (abandoned contacts count as missed). */
  serviceLevel: number;
  /**
   * Average speed of answer in seconds: mean time in queue over all offered contacts (those answered at once count
   * as 0). With abandonment, a caller who hangs up contributes the time they waited, as in the published Erlang A
   * cases. Infinite when the queue is unstable (Erlang C with servers ≤ traffic).
   */
  asaSec: number;
  /** Share of server time spent handling contacts: carried traffic ÷ servers. */
  occupancy: number;
  /** Probability that an offered contact abandons before answer; always 0 in Erlang C (nobody hangs up). */
  pAbandon: number;
  /** False when the queue grows without bound (Erlang C with servers ≤ traffic); the metrics are then limits. */
  stable: boolean;
  /** Erlang A only: mean wait of the contacts that were eventually answered, in seconds. */
  asaAnsweredSec?: number;
}

export interface ErlangAMetrics extends QueueMetrics {
  asaAnsweredSec: number;
}

export const NO_LOAD_METRICS: QueueMetrics = {
  pWait: 0,
  serviceLevel: 1,
  asaSec: 0,
  occupancy: 0,
  pAbandon: 0,
  stable: true,
};
