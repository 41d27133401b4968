// Worst-case detection time promised by a cluster's settings (DESIGN.md, "Detection").
export interface DetectionSettings {
  intervalMs: number;
  timeoutMs: number;
  failureThreshold: number;
}

export const detectionBoundMs = (s: DetectionSettings) => s.failureThreshold * s.intervalMs + s.timeoutMs;
