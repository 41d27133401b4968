// Whether a write failed on a unique index (Prisma's P2002 or PostgreSQL's 23505, whichever layer
// reports it): how "one at a time" rules kept by partial unique indexes surface.
export function isUniqueViolation(error: unknown, index: string): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e.code === "P2002" || e.code === "23505" || new RegExp(`${index}|Unique constraint`, "i").test(e.message ?? "")
  );
}
