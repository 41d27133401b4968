// A node's checks by layer (network, process, application, business): a tick or a cross, the
// check's name and, on hover, its latency and detail.
import type { NodeDetail } from "@/server/fleet/cluster-detail";

export const LAYERS = ["network", "process", "application", "business"] as const;

export function CheckList({ checks, compact = false }: { checks: NodeDetail["checks"]; compact?: boolean }) {
  if (checks.length === 0) return <span className="muted">no checks reported</span>;
  const ordered = [...checks].sort((a, b) => LAYERS.indexOf(a.layer) - LAYERS.indexOf(b.layer));
  return (
    <ul className={`checks${compact ? " compact" : ""}`}>
      {ordered.map((check) => (
        <li
          key={`${check.layer}/${check.name}`}
          className={check.ok ? "check-ok" : "check-failed"}
          title={
            [check.latencyMs !== undefined ? `${check.latencyMs} ms` : null, check.detail]
              .filter(Boolean)
              .join(" · ") || undefined
          }
        >
          <span aria-hidden="true">{check.ok ? "✓" : "✗"}</span>
          <span className="check-layer">{check.layer}</span> {check.name}
          <span className="skip-link">{check.ok ? " passed" : " failed"}</span>
          {!compact && check.latencyMs !== undefined ? <span className="muted"> {check.latencyMs} ms</span> : null}
          {!compact && check.detail ? <span className="muted"> · {check.detail}</span> : null}
        </li>
      ))}
    </ul>
  );
}
