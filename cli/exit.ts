// How `haops` ends: 0 done, 2 refused by guards (the failing guards printed), 1 any other error
// (its message on stderr).
export const EXIT = { done: 0, error: 1, refused: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the user can act on: printed as its message alone, exit 1. */
export class CliError extends Error {}
