// The cluster page's readiness: the score, then every reason with its state and its figures.
import type { Readiness } from "@/lib/status";
import { READINESS_LABEL, ReadinessIcon } from "@/components/ui/readiness-state";
import { ReadinessReasons } from "@/components/fleet/readiness-reasons";

export function ReadinessCard({ readiness }: { readiness: Readiness }) {
  return (
    <section aria-labelledby="readiness-title">
      <div className="section-head">
        <h2 id="readiness-title">Readiness</h2>
        <span className={`state readiness-${readiness.worst}`}>
          <ReadinessIcon state={readiness.worst} />
          {readiness.score} / 100
          <span className="visually-hidden">, worst reason {READINESS_LABEL[readiness.worst].toLowerCase()}</span>
        </span>
      </div>
      <div className="panel readiness-card">
        <ReadinessReasons reasons={readiness.reasons} />
      </div>
    </section>
  );
}
