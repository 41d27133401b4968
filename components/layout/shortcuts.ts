// The console's keyboard shortcuts: "g" then a letter goes to a main page, "/" focuses the page's
// search or filter, "?" lists them. Read from plain key presses, so the rules are tested without a
// browser.

export const GO_TO = [
  { key: "c", href: "/", label: "Clusters (the overview)" },
  { key: "a", href: "/alerts", label: "Alerts" },
  { key: "x", href: "/actions", label: "Actions" },
  { key: "d", href: "/drills", label: "Drills" },
  { key: "u", href: "/audit", label: "Audit log" },
] as const;

/** How long after "g" its second key still counts. */
export const SEQUENCE_MS = 1_500;

/** What marks a page's own search or filter field for "/". */
export const PAGE_SEARCH = 'main [data-page-search], main input[type="search"]';

export type Command = { kind: "go"; href: string } | { kind: "search" } | { kind: "help" } | null;

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** A key goes to the field, not to a shortcut, while a person types or picks in one. */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== "string") return false;
  const element = target as HTMLElement;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName) || element.isContentEditable === true;
}

/**
 * The command a key press makes, given when a "g" was pressed before it (null if none), and when
 * a "g" now waits for its letter. Ctrl, Cmd and Alt belong to the browser and the system.
 */
export function readKey(
  press: KeyPress,
  gSince: number | null,
  now: number,
): { command: Command; gSince: number | null } {
  if (press.ctrlKey || press.metaKey || press.altKey) return { command: null, gSince: null };
  if (gSince !== null && now - gSince <= SEQUENCE_MS) {
    const target = GO_TO.find((entry) => entry.key === press.key);
    return { command: target ? { kind: "go", href: target.href } : null, gSince: null };
  }
  if (press.key === "g") return { command: null, gSince: now };
  if (press.key === "/") return { command: { kind: "search" }, gSince: null };
  if (press.key === "?") return { command: { kind: "help" }, gSince: null };
  return { command: null, gSince: null };
}
