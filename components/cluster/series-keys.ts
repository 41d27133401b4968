// The nodes a chart draws: those with at least one figure in its rows.
export const withData = (rows: Record<string, unknown>[], nodes: string[]) =>
  nodes.filter((n) => rows.some((row) => typeof row[n] === "number"));
