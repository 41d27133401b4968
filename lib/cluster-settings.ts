// The bounds of each cluster setting, in the units the API stores: the server's schema checks them,
// and the settings form says them in words before it sends anything.
export const SETTING_LIMITS = {
  intervalMs: { min: 100, max: 60_000 },
  timeoutMs: { min: 50, max: 60_000 },
  failureThreshold: { min: 1, max: 20 },
  rpoBudgetBytes: { min: 0, max: Number.MAX_SAFE_INTEGER },
  rpoBudgetSeconds: { min: 0, max: 86_400 },
  rtoTargetMs: { min: 0, max: 86_400_000 },
  cooldownMs: { min: 0, max: 7 * 86_400_000 },
  availabilityTarget: { min: 50, max: 99.99999 },
  lagAlertBytes: { min: 0, max: Number.MAX_SAFE_INTEGER },
  lagAlertSeconds: { min: 0, max: 86_400 },
  imbalanceAlertPercent: { min: 1, max: 100 },
  alertRepeatMinutes: { min: 1, max: 7 * 24 * 60 },
} as const;

export type NumericSetting = keyof typeof SETTING_LIMITS;
