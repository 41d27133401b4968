// The three states every view has besides its data: empty, failed, loading.
import type { ReactNode } from "react";

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="panel empty" aria-label={title}>
      <h2>{title}</h2>
      {children ? <p className="muted">{children}</p> : null}
    </section>
  );
}

export function ErrorState({ title, detail, onRetry }: { title: string; detail?: string; onRetry?: () => void }) {
  return (
    <section className="panel failure" role="alert">
      <h2>{title}</h2>
      {detail ? <pre>{detail}</pre> : null}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </section>
  );
}

export function Skeleton({ width = "100%", height }: { width?: string; height?: string }) {
  return <span className="skeleton" style={{ width, height }} aria-hidden="true" />;
}

/** A busy panel with one line of skeleton: what a list or table shows before its first answer. */
export function LoadingPanel({ label, width }: { label: string; width: string }) {
  return (
    <div className="panel" role="status" aria-busy="true" aria-label={label} style={{ padding: "var(--space-4)" }}>
      <Skeleton width={width} />
    </div>
  );
}
