"use client";

// Drag across a chart to zoom to that span (recharts' ReferenceArea shows it while dragging); a
// click without a drag does nothing. Keyboard users choose a range with the range select instead.
import { useState } from "react";
import type { MouseHandlerDataParam } from "recharts";
import { type TimeSpan, zoomSpan } from "./zoom-span";

const timeOf = (state: MouseHandlerDataParam) => {
  const t = Number(state.activeLabel);
  return state.activeLabel !== undefined && Number.isFinite(t) ? t : null;
};

export function useDragZoom(onZoom: (span: TimeSpan) => void) {
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  return {
    drag,
    handlers: {
      onMouseDown: (state: MouseHandlerDataParam) => {
        const t = timeOf(state);
        if (t !== null) setDrag({ start: t, end: t });
      },
      onMouseMove: (state: MouseHandlerDataParam) => {
        const t = timeOf(state);
        if (t !== null) setDrag((current) => current && { ...current, end: t });
      },
      onMouseUp: () => {
        if (drag && drag.end !== drag.start) onZoom(zoomSpan(drag.start, drag.end));
        setDrag(null);
      },
      onMouseLeave: () => setDrag(null),
    },
  };
}
