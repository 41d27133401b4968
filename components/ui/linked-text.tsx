// A text with every thing it names linked where that thing lives: "failover of orders-db to orders-db-2
// succeeded" links the action's words, "orders-db-1 is down" the node. Longer names win over the
// shorter ones they contain (orders-db-1 over orders-db), and a name is matched whole, never inside a
// longer word.
import Link from "next/link";
import type { ReactNode } from "react";
import type { Ref } from "@/lib/links";

const NAME_CHAR = /[\w-]/;

/** The text cut into plain parts and the refs it names, in order. */
export function splitByRefs(text: string, refs: Ref[]): (string | Ref)[] {
  const byLength = [...refs].sort((a, b) => b.label.length - a.label.length).filter((r) => r.label);
  const parts: (string | Ref)[] = [];
  let rest = text;
  while (rest) {
    let best: { at: number; ref: Ref } | null = null;
    for (const ref of byLength) {
      let at = rest.indexOf(ref.label);
      while (at >= 0 && !wholeAt(rest, at, ref.label.length)) at = rest.indexOf(ref.label, at + 1);
      if (at >= 0 && (!best || at < best.at)) best = { at, ref };
    }
    if (!best) break;
    if (best.at > 0) parts.push(rest.slice(0, best.at));
    parts.push(best.ref);
    rest = rest.slice(best.at + best.ref.label.length);
  }
  if (rest) parts.push(rest);
  return parts;
}

function wholeAt(text: string, at: number, length: number): boolean {
  const before = text[at - 1];
  const after = text[at + length];
  return !(before && NAME_CHAR.test(before)) && !(after && NAME_CHAR.test(after));
}

export function LinkedText({ text, refs }: { text: string; refs: Ref[] }): ReactNode {
  return splitByRefs(text, refs).map((part, i) =>
    typeof part === "string" ? (
      part
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in order
      <Link key={i} href={part.href}>
        {part.label}
      </Link>
    ),
  );
}
