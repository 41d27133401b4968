import { describe, expect, it } from "vitest";
import { resolve } from "./server-condition-hooks.ts";

const seen = (specifier: string) => {
  const calls: { specifier: string; conditions: string[] }[] = [];
  const next = async (s: string, c: { conditions: string[] }) => calls.push({ specifier: s, conditions: c.conditions });
  void resolve(specifier, { conditions: ["node", "import"] }, next);
  return calls;
};

describe("server-condition hooks", () => {
  it("resolves server-only as a server does, under react-server", () => {
    expect(seen("server-only")).toEqual([{ specifier: "server-only", conditions: ["node", "import", "react-server"] }]);
  });

  it("leaves every other module, React included, as Node resolves it", () => {
    expect(seen("react")).toEqual([{ specifier: "react", conditions: ["node", "import"] }]);
  });
});
