// The overview's readiness cell: the score in the colour and shape of its worst reason. The button
// opens the reasons in a popover, which sits in the top layer so it never widens or scrolls the table.
import { useId } from "react";
import type { Readiness } from "@/lib/status";
import { READINESS_LABEL, ReadinessIcon } from "@/components/ui/readiness-state";
import { ReadinessReasons, reasonsInWords } from "./readiness-reasons";

export function ReadinessCell({ cluster, readiness }: { cluster: string; readiness: Readiness }) {
  const id = `readiness-${useId()}`;
  // Where CSS anchor positioning exists the popover opens under its button; elsewhere it is centred.
  const anchor = `--${id.replace(/[^\w-]/g, "")}`;
  return (
    <>
      <button
        type="button"
        className={`readiness-score readiness-${readiness.worst}`}
        popoverTarget={id}
        aria-label={
          `Readiness ${readiness.score} of 100, ` +
          `worst reason ${READINESS_LABEL[readiness.worst].toLowerCase()}: show the reasons`
        }
        title={reasonsInWords(readiness.reasons)}
        style={{ anchorName: anchor }}
      >
        <ReadinessIcon state={readiness.worst} />
        <strong>{readiness.score}</strong>
      </button>
      <div id={id} popover="auto" className="panel readiness-popover" style={{ positionAnchor: anchor }}>
        <div className="readiness-popover-head">
          <strong>
            {cluster}: readiness {readiness.score} / 100
          </strong>
          <button type="button" className="link" popoverTarget={id} popoverTargetAction="hide">
            Close
          </button>
        </div>
        <ReadinessReasons reasons={readiness.reasons} />
      </div>
    </>
  );
}
