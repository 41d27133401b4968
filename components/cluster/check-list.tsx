// A node's checks by layer (network, process, application, business): a tick or a cross, the
// check's name and, on hover, its latency and detail. A down node's checks are what it said last:
// greyed under "stale since" with a question mark, never its last tick.
import type { NodeDetail } from "@/server/fleet/cluster-detail";
import { ClockTime } from "@/components/ui/clock-time";

export const LAYERS = ["network", "process", "application", "business"] as const;

type Check = NodeDetail["checks"][number];

const said = (check: Check) => (check.ok ? "passed" : "failed");

function hover(check: Check, stale: boolean) {
  const figures = [check.latencyMs !== undefined ? `${check.latencyMs} ms` : null, check.detail];
  return [stale ? `last reported ${said(check)}` : null, ...figures].filter(Boolean).join(" · ") || undefined;
}

export function CheckList({
  checks,
  compact = false,
  staleSince,
}: {
  checks: NodeDetail["checks"];
  compact?: boolean;
  /** Set for a node that no longer answers: when it last did (null if it never did). */
  staleSince?: Date | string | null;
}) {
  if (checks.length === 0) return <span className="muted">no checks reported</span>;
  const ordered = [...checks].sort((a, b) => LAYERS.indexOf(a.layer) - LAYERS.indexOf(b.layer));
  const stale = staleSince !== undefined;
  const list = (
    <ul className={`checks${compact ? " compact" : ""}${stale ? " stale" : ""}`}>
      {ordered.map((check) => (
        <li
          key={`${check.layer}/${check.name}`}
          className={stale ? "check-stale" : check.ok ? "check-ok" : "check-failed"}
          title={hover(check, stale)}
        >
          <span aria-hidden="true">{stale ? "?" : check.ok ? "✓" : "✗"}</span>
          <span className="check-layer">{check.layer}</span> {check.name}
          <span className="skip-link">{stale ? ` last reported ${said(check)}` : ` ${said(check)}`}</span>
          {!stale && !compact && check.latencyMs !== undefined ? (
            <span className="muted"> {check.latencyMs} ms</span>
          ) : null}
          {!stale && !compact && check.detail ? <span className="muted"> · {check.detail}</span> : null}
        </li>
      ))}
    </ul>
  );
  if (!stale) return list;
  return (
    <div className="checks-stale">
      <span className="stale-since">
        stale since {staleSince === null ? "its first report" : <ClockTime at={new Date(staleSince)} />}
      </span>
      {list}
    </div>
  );
}
