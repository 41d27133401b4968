import pg from "pg";
import { describe, expect, it } from "vitest";
import { isConnectionError } from "./connection-error.ts";
import { Prisma } from "./generated/client.ts";

const pgError = (code: string) => Object.assign(new pg.DatabaseError("failed", 0, "error"), { code });
const known = (code: string, cause?: object) => {
  const meta = cause && { driverAdapterError: { cause } };
  return new Prisma.PrismaClientKnownRequestError("failed", { code, clientVersion: "6", meta });
};
const adapter = (cause: object) => Object.assign(new Error("failed"), { name: "DriverAdapterError", cause });

describe("isConnectionError", () => {
  it("takes a lost, refused or timed-out session for one, whichever layer reports it", () => {
    expect(isConnectionError(pgError("57P01"))).toBe(true);
    expect(isConnectionError(pgError("08006"))).toBe(true);
    expect(isConnectionError(known("P1001", { kind: "DatabaseNotReachable" }))).toBe(true);
    expect(isConnectionError(known("P2028"))).toBe(true);
    expect(isConnectionError(known("P2010", { kind: "postgres", code: "57P01" }))).toBe(true);
    expect(isConnectionError(adapter({ kind: "postgres", code: "57P01" }))).toBe(true);
    expect(isConnectionError(adapter({ kind: "ConnectionClosed" }))).toBe(true);
    expect(isConnectionError(new Error("Connection terminated unexpectedly"))).toBe(true);
  });

  it("takes a statement the database refused for what it is", () => {
    expect(isConnectionError(pgError("22021"))).toBe(false);
    expect(isConnectionError(adapter({ kind: "postgres", code: "22021" }))).toBe(false); // a NUL byte in text
    expect(isConnectionError(known("P2002", { kind: "UniqueConstraintViolation", originalCode: "23505" }))).toBe(false);
    expect(isConnectionError(known("P2010", { kind: "postgres", code: "22012" }))).toBe(false);
    expect(isConnectionError(new Prisma.PrismaClientUnknownRequestError("bad", { clientVersion: "6" }))).toBe(false);
    expect(isConnectionError(new Prisma.PrismaClientValidationError("bad", { clientVersion: "6" }))).toBe(false);
  });
});
