// `npm run agent:bundle`: the agent as one file, dist/haops-agent.mjs, with pg, mysql2, yaml and zod inside,
// that Node >= 20 runs alone, copied anywhere (no node_modules, no clone of this repository).
import { chmod } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
export const BUNDLE = path.join(root, "dist", "haops-agent.mjs");

export async function bundleAgent(outfile = BUNDLE): Promise<string> {
  await build({
    entryPoints: [path.join(root, "agent", "main.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // pg is CommonJS and requires Node's built-ins; an ES module has no `require` of its own.
    banner: {
      js: [
        "#!/usr/bin/env node",
        'import { createRequire as __haopsRequire } from "node:module";',
        "const require = __haopsRequire(import.meta.url);",
      ].join("\n"),
    },
    // pg loads its optional native binding only when asked to (`pg.native`); the agent never does.
    external: ["pg-native"],
    legalComments: "inline",
    logLevel: "warning",
  });
  await chmod(outfile, 0o755);
  return outfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const started = Date.now();
  const file = await bundleAgent();
  console.log(`Wrote ${path.relative(process.cwd(), file)} in ${Date.now() - started} ms.`);
}
