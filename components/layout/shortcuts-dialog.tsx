"use client";

// The list of keyboard shortcuts. A modal dialog: Escape closes it, Tab stays inside it, and focus
// goes back where it was (the caller's onClose).
import type { KeyboardEvent, Ref } from "react";
import { GO_TO } from "./shortcuts";

const OTHERS = [
  { keys: ["/"], label: "Focus the page's search or filter" },
  { keys: ["?"], label: "Show this list" },
  { keys: ["Esc"], label: "Close a dialog" },
];

/** Tab and Shift+Tab go round the dialog's own controls instead of leaving for the browser's. */
function keepFocusInside(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== "Tab") return;
  const controls = event.currentTarget.querySelectorAll<HTMLElement>("button, [href], [tabindex='0']");
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

export function ShortcutsDialog({ ref, onClose }: { ref: Ref<HTMLDialogElement>; onClose: () => void }) {
  const rows = [...GO_TO.map((entry) => ({ keys: ["g", entry.key], label: entry.label })), ...OTHERS];
  return (
    <dialog
      ref={ref}
      className="dialog shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      onKeyDown={keepFocusInside}
    >
      <div className="panel">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <p className="muted">Not while typing in a field. Press the keys one after the other.</p>
        <table className="data shortcuts">
          <caption className="skip-link">Keys and what they do</caption>
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">Does</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <td>
                  {row.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 ? " then " : null}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </td>
                <th scope="row">{row.label}</th>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="dialog" className="dialog-actions">
          <button type="submit">Close</button>
        </form>
      </div>
    </dialog>
  );
}
