// Times within a drill, all counted from its start, so the phases, the timeline and the events agree.
import { duration } from "@/lib/format";
import type { DrillDocument } from "@/server/drills/read";

export const drillOrigin = (drill: Pick<DrillDocument, "startedAt" | "createdAt">) =>
  new Date(drill.startedAt ?? drill.createdAt).getTime();

/** "+4.2 s": how long after the drill's start. */
export const sinceStart = (origin: number, at: Date | string | number) =>
  `+${duration(Math.max(0, new Date(at).getTime() - origin))}`;
