"use client";

// The shortcuts at work on every signed-in page, and the "?" dialog that lists them (also behind a
// button in the header, for those who do not guess "?").
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { isTyping, PAGE_SEARCH, readKey } from "./shortcuts";

/** Opens the list, remembering what had focus so that closing gives it back. */
function openList(dialog: HTMLDialogElement | null, opener: { current: HTMLElement | null }) {
  if (!dialog || dialog.open) return;
  opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  dialog.showModal();
}

export function KeyboardShortcuts() {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    let gSince: number | null = null;
    const onKey = (event: KeyboardEvent) => {
      // Another dialog (a plan, a schedule) keeps its keys; so does a field being typed in.
      if (event.defaultPrevented || event.repeat || isTyping(event.target)) return;
      if (document.querySelector("dialog[open]")) return;
      const read = readKey(event, gSince, event.timeStamp);
      gSince = read.gSince;
      const command = read.command;
      if (!command) return;
      event.preventDefault();
      if (command.kind === "go") router.push(command.href);
      else if (command.kind === "help") openList(dialog.current, opener);
      else document.querySelector<HTMLElement>(PAGE_SEARCH)?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [router]);

  return (
    <>
      <button
        type="button"
        className="shortcuts-button"
        onClick={() => openList(dialog.current, opener)}
        aria-keyshortcuts="?"
      >
        <span aria-hidden="true">?</span>
        <span className="skip-link">Keyboard shortcuts</span>
      </button>
      <ShortcutsDialog ref={dialog} onClose={() => opener.current?.focus()} />
    </>
  );
}
