"use client";

// A secret shown once (a new token): the value, a copy button, and Done to hide it for good.
import type { ReactNode } from "react";

export function SecretNotice({
  label,
  testId,
  secret,
  onDone,
  children,
}: {
  label: string;
  testId: string;
  secret: string;
  onDone: () => void;
  children: ReactNode;
}) {
  return (
    <section className="notice" role="status" aria-label={label}>
      <div>
        {children}
        <p className="secret" data-testid={testId}>
          {secret}
        </p>
        <button type="button" onClick={() => void navigator.clipboard?.writeText(secret)}>
          Copy
        </button>{" "}
        <button type="button" onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  );
}
