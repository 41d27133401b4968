// A drift-free repeating timer: ticks at start + k × interval, and counts a tick as slipped when
// it starts later than half an interval past its slot.
export interface ScheduleStats {
  ticks: number;
  slipped: number;
  maxLateMs: number;
}

export function every(intervalMs: number, tick: (at: number) => void, now: () => number = Date.now) {
  const stats: ScheduleStats = { ticks: 0, slipped: 0, maxLateMs: 0 };
  let slot = now();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = () => {
    if (stopped) return;
    const at = now();
    const late = at - slot;
    stats.ticks++;
    stats.maxLateMs = Math.max(stats.maxLateMs, late);
    if (late > intervalMs / 2) stats.slipped++;
    slot += intervalMs;
    if (slot <= at) slot = at + intervalMs;
    timer = setTimeout(run, slot - now());
    tick(at);
  };
  timer = setTimeout(run, 0);
  return {
    stats,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
