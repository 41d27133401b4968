// The time ranges a cluster's charts offer, as the API takes them and the pages label them.
export const CHART_RANGES = ["15m", "1h", "24h", "7d"] as const;
export type Range = (typeof CHART_RANGES)[number];

export const RANGE_LABEL: Record<Range, string> = { "15m": "15 min", "1h": "1 h", "24h": "24 h", "7d": "7 d" };
