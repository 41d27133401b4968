// A plan's guards: passed or failed by shape and word, the reason in words, and whether an admin
// may override it.
import type { GuardResult } from "@/server/guards/types";

export function GuardList({
  guards,
  overrides,
  onOverride,
}: {
  guards: GuardResult[];
  overrides?: string[];
  onOverride?: (id: string, on: boolean) => void;
}) {
  return (
    <ul className="guards" aria-label="Guards">
      {guards.map((guard) => (
        <li key={guard.id} className={guard.ok ? "guard-ok" : "guard-failed"}>
          <span className="guard-verdict">{guard.ok ? "✓ pass" : "✗ fail"}</span>
          <code>{guard.id}</code>
          <span className="guard-reason">{guard.reason}</span>
          {!guard.ok && guard.overridable && onOverride ? (
            <label className="guard-override">
              <input
                type="checkbox"
                checked={overrides?.includes(guard.id) ?? false}
                onChange={(e) => onOverride(guard.id, e.target.checked)}
              />{" "}
              override (admin)
            </label>
          ) : !guard.ok && guard.overridable ? (
            <span className="tag">overridable by an admin</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
