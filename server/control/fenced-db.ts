// The leader's Prisma client for one term: reads go straight to the database, and every write — a
// model's create, update or delete, a raw execution, an interactive transaction — runs in a fenced
// transaction (fence.ts). Services written for any client are fenced without knowing it.
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { leaderTransaction, type Fence } from "./fence.ts";

const MODEL_WRITES = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
]);
const RAW_WRITES = new Set(["$executeRaw", "$executeRawUnsafe"]);

type Call = (...args: unknown[]) => Promise<unknown>;
/** A transaction client seen as what it is at run time: named delegates of named methods. */
const members = (tx: Prisma.TransactionClient) => tx as unknown as Record<string, Call & Record<string, Call>>;

const bound = (target: object, key: string | symbol) => {
  const value: unknown = Reflect.get(target, key);
  return typeof value === "function" ? value.bind(target) : value;
};

export function fencedDb(db: Db, fence: Fence): Db {
  const delegates = new Map<string, object>();
  const fencedDelegate = (model: string, delegate: object) =>
    new Proxy(delegate, {
      get: (target, method) =>
        typeof method === "string" && MODEL_WRITES.has(method)
          ? (...args: unknown[]) => leaderTransaction(db, fence, (tx) => members(tx)[model]![method]!(...args))
          : bound(target, method),
    });
  return new Proxy(db, {
    get(target, key) {
      if (key === "$transaction") {
        return (work: unknown, options?: { maxWait?: number; timeout?: number }) => {
          // A batch is made of requests already bound to the unfenced client: only the callback form can be fenced.
          if (typeof work !== "function") throw new Error("The leader's writes use interactive transactions.");
          return leaderTransaction(db, fence, work as (tx: Prisma.TransactionClient) => Promise<unknown>, options);
        };
      }
      if (typeof key === "string" && RAW_WRITES.has(key)) {
        return (...args: unknown[]) => leaderTransaction(db, fence, (tx) => members(tx)[key]!(...args));
      }
      const value: unknown = Reflect.get(target, key);
      const model = typeof key === "string" && !/^[$_]/.test(key) && typeof value === "object" && value !== null;
      if (!model) return bound(target, key);
      let delegate = delegates.get(key);
      if (!delegate) {
        delegate = fencedDelegate(key, value);
        delegates.set(key, delegate);
      }
      return delegate;
    },
  });
}
