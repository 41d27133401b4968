"use client";

// The incident as Markdown, the start of a postmortem: copied to the clipboard, or downloaded as a
// file; both read the same REST answer, so the copy and the file never differ.
import { useState } from "react";

export function IncidentExport({ id }: { id: string }) {
  const url = `/api/v1/incidents/${encodeURIComponent(id)}?format=markdown`;
  const [said, setSaid] = useState("");
  async function copy() {
    setSaid("Copying…");
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`the console answered ${response.status}`);
      await navigator.clipboard.writeText(await response.text());
      setSaid("Copied as Markdown.");
    } catch (error) {
      setSaid(`Not copied: ${error instanceof Error ? error.message : String(error)}. Download it instead.`);
    }
  }
  return (
    <div className="incident-export">
      <button type="button" className="primary" onClick={copy}>
        Copy as Markdown
      </button>
      <a className="button" href={url} download>
        Download .md
      </a>
      <span role="status" className="muted">
        {said}
      </span>
    </div>
  );
}
