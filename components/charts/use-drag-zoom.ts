"use client";

// Drag across a chart to zoom to that span (recharts' ReferenceArea shows it while dragging); a
// click without a drag does nothing. The time comes from the pointer's place on the plot, not from
// the nearest sample, so a span with little data zooms as well. Keyboard users choose a range with
// the range select instead.
import { type MouseEvent, useRef, useState } from "react";
import { type TimeSpan, zoomSpan } from "./zoom-span";

/** The plot's inset within its box: the y axis on the left, the margin on the right. */
export interface PlotInset {
  left: number;
  right: number;
}

type Drag = { start: number; end: number };

export function useDragZoom(from: number, to: number, inset: PlotInset, onZoom: (span: TimeSpan) => void) {
  // The ref is the drag as the pointer made it (a quick release may come before a render); the state draws it.
  const current = useRef<Drag | null>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const update = (next: Drag | null) => {
    current.current = next;
    setDrag(next);
  };
  const timeAt = (event: MouseEvent<HTMLElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const share = (event.clientX - box.left - inset.left) / Math.max(1, box.width - inset.left - inset.right);
    return from + Math.min(1, Math.max(0, share)) * (to - from);
  };
  return {
    drag,
    handlers: {
      onMouseDown: (event: MouseEvent<HTMLElement>) => {
        if (event.button !== 0) return;
        const t = timeAt(event);
        update({ start: t, end: t });
      },
      onMouseMove: (event: MouseEvent<HTMLElement>) => {
        if (current.current) update({ ...current.current, end: timeAt(event) });
      },
      onMouseUp: () => {
        const done = current.current;
        update(null);
        // A few pixels is a click, not a drag.
        if (done && Math.abs(done.end - done.start) > (to - from) / 200) onZoom(zoomSpan(done.start, done.end));
      },
      onMouseLeave: () => update(null),
    },
  };
}
