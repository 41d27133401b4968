"use client";

// A cluster's hooks in the order they run, each with what it does, and buttons to move or remove
// it in the list on the page (saved as a whole later).
import type { Column } from "@/components/ui/data-table";
import { DataTable } from "@/components/ui/data-table";
import { duration } from "@/lib/format";
import { HOOK_PHASE_LABELS } from "@/lib/hooks";
import { describeHook, type Hook } from "./hook-fields";

interface Row {
  hook: Hook;
  index: number;
}

export function HooksTable({
  hooks,
  onMove,
  onRemove,
}: {
  hooks: Hook[];
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (index: number) => void;
}) {
  const columns: Column<Row>[] = [
    { header: "Order", className: "num", cell: ({ index }) => index + 1 },
    { header: "Name", rowHeader: true, className: "nowrap", cell: ({ hook }) => hook.name },
    { header: "When", cell: ({ hook }) => HOOK_PHASE_LABELS[hook.phase] },
    { header: "What", cell: ({ hook }) => <code>{describeHook(hook)}</code> },
    {
      header: "If it fails",
      cell: ({ hook }) =>
        hook.required ? <span className="tag">required</span> : <span className="muted">best-effort</span>,
    },
    { header: "Timeout", className: "num", cell: ({ hook }) => duration(hook.timeoutMs) },
    {
      header: "Actions",
      hideHeader: true,
      className: "num nowrap",
      cell: ({ hook, index }) => (
        <>
          <button
            type="button"
            onClick={() => onMove(index, -1)}
            disabled={index === 0}
            aria-label={`Move ${hook.name} up`}
          >
            Move up
          </button>{" "}
          <button
            type="button"
            onClick={() => onMove(index, 1)}
            disabled={index === hooks.length - 1}
            aria-label={`Move ${hook.name} down`}
          >
            Move down
          </button>{" "}
          <button type="button" onClick={() => onRemove(index)} aria-label={`Remove ${hook.name}`}>
            Remove
          </button>
        </>
      ),
    },
  ];
  return (
    <DataTable
      rows={hooks.map((hook, index) => ({ hook, index }))}
      columns={columns}
      rowKey={({ hook }) => hook.name}
      caption="Hooks, in the order they run"
      scroll
    />
  );
}
