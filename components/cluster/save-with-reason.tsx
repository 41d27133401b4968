"use client";

// Saving a list edited on the page as a whole: whether it differs from the saved one (a line that is
// always there, so nothing jumps), the reason the audit log keeps, and the server's answer.
import { type FormEvent, useState } from "react";

export function SaveWithReason({
  what,
  unsaved,
  saved,
  pending,
  error,
  onSave,
}: {
  /** Names the form and its button: "hooks" reads "Save hooks". */
  what: string;
  unsaved: boolean;
  /** What a successful save means, said until the next edit. */
  saved: string | null;
  pending: boolean;
  error: string | null;
  /** Resolves once saved; a failure is shown through `error`. */
  onSave: (reason: string) => Promise<unknown>;
}) {
  const [reason, setReason] = useState("");

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await onSave(reason);
      setReason("");
    } catch {
      // Kept for another try; the error is shown from `error`.
    }
  }

  return (
    <form className="stack" onSubmit={submit} aria-label={`Save ${what}`}>
      <p className="muted" role="status">
        {unsaved ? "Unsaved changes: nothing is stored until saved." : (saved ?? "No unsaved changes.")}
      </p>
      <label>
        Reason (kept in the audit log)
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} rows={2} />
      </label>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div>
        <button type="submit" className="primary" disabled={pending}>
          Save {what}
        </button>
      </div>
    </form>
  );
}
