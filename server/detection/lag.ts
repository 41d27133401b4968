// Replication lag against the cluster's alert threshold (or its RPO budget when no threshold is
// set), with 10 % hysteresis so a lag hovering at the line does not flap.
export interface LagThresholds {
  bytes: number | null;
  seconds: number | null;
}

export function lagThresholds(cluster: {
  lagAlertBytes: number | null;
  lagAlertSeconds: number | null;
  rpoBudgetBytes: number;
  rpoBudgetSeconds: number;
}): LagThresholds {
  const positive = (value: number | null) => (value !== null && value > 0 ? value : null);
  return {
    bytes: positive(cluster.lagAlertBytes) ?? positive(cluster.rpoBudgetBytes),
    seconds: positive(cluster.lagAlertSeconds) ?? positive(cluster.rpoBudgetSeconds),
  };
}

export function isLagOver(
  lag: { bytes?: number; seconds?: number },
  thresholds: LagThresholds,
  wasOver: boolean,
): boolean {
  const factor = wasOver ? 0.9 : 1;
  const over = (value: number | undefined, limit: number | null) =>
    value !== undefined && limit !== null && value > limit * factor;
  return over(lag.bytes, thresholds.bytes) || over(lag.seconds, thresholds.seconds);
}
