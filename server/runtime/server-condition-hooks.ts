// Node module hooks (registered by server-condition.ts): `server-only` resolves under the
// react-server condition, to its empty module, and nothing else changes.
interface ResolveContext {
  conditions: string[];
}

type NextResolve = (specifier: string, context: ResolveContext) => Promise<unknown>;

export function resolve(specifier: string, context: ResolveContext, nextResolve: NextResolve): Promise<unknown> {
  if (specifier !== "server-only") return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}
