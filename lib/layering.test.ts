// The layers hold: lib/ is the bottom (no server, React pages or Node built-ins), and what a
// browser may load — components, client pages and all they import — takes only types from server/.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

interface Import {
  /** The specifier as written. */
  from: string;
  /** The repository file it names, when it names one. */
  file: string | null;
  typeOnly: boolean;
}

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
    .map((name) => path.join(dir, name));
}

function resolve(from: string, importer: string): string | null {
  if (!from.startsWith("@/") && !from.startsWith(".")) return null;
  const bare = from.startsWith("@/") ? from.slice(2) : path.join(path.dirname(importer), from);
  const candidates = [bare, `${bare}.ts`, `${bare}.tsx`, path.join(bare, "index.ts")];
  return candidates.find((file) => /\.tsx?$/.test(file) && ts.sys.fileExists(path.join(root, file))) ?? null;
}

/** Imports and re-exports of a file; `import type` and imports of types alone are erased in the build. */
function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(root, file), "utf8"), ts.ScriptTarget.Latest);
  const found: Import[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      const named = bindings && ts.isNamedImports(bindings) ? bindings.elements : [];
      const typesAlone = !clause?.name && named.length > 0 && named.every((element) => element.isTypeOnly);
      found.push(entry(statement.moduleSpecifier.text, file, Boolean(clause?.isTypeOnly) || typesAlone));
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      if (ts.isStringLiteral(statement.moduleSpecifier)) {
        found.push(entry(statement.moduleSpecifier.text, file, statement.isTypeOnly));
      }
    }
  }
  return found;
}

const entry = (from: string, importer: string, typeOnly: boolean): Import => ({
  from,
  file: resolve(from, importer),
  typeOnly,
});
const inFolder = (file: string | null, folder: string) => file?.startsWith(`${folder}/`) ?? false;
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const isClient = (file: string) => /^\s*["']use client["'];?/.test(read(file));
/** A module that says `import "server-only"` fails the build if a client component loads it. */
const isServerOnly = (file: string) => importsOf(file).some((i) => i.from === "server-only");

/** Every repository file a browser may load: the client entry points and, transitively, their imports. */
function clientGraph(): Set<string> {
  const entries = [...sources("components"), ...sources("app").filter(isClient)];
  const seen = new Set<string>();
  const queue = entries.filter((file) => !isServerOnly(file));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const i of importsOf(file)) if (!i.typeOnly && i.file && !seen.has(i.file)) queue.push(i.file);
  }
  return seen;
}

describe("layers", () => {
  it("lib/ imports no server, page or component code and no Node built-ins", () => {
    const above = ["server", "app", "components", "agent"];
    const offending = sources("lib").flatMap((file) =>
      importsOf(file)
        .filter((i) => above.some((folder) => inFolder(i.file, folder)) || i.from.startsWith("node:"))
        .map((i) => `${file} imports ${i.from}`),
    );
    expect(offending).toEqual([]);
  });

  it("nothing a browser loads takes a value from server/", () => {
    const offending = [...clientGraph()].flatMap((file) =>
      importsOf(file)
        .filter((i) => !i.typeOnly && inFolder(i.file, "server"))
        .map((i) => `${file} imports ${i.from}`),
    );
    expect(offending).toEqual([]);
  });

  it("finds the client components it guards", () => {
    const graph = clientGraph();
    expect(graph.has(path.join("components", "actions", "action-panel.tsx"))).toBe(true);
    expect(graph.has(path.join("lib", "format.ts"))).toBe(true);
  });
});
