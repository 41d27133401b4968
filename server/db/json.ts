// Writing a JSON column: the values the console stores there are plain data of its own types
// (guards, step specs, drill params, figures), which Prisma's input type cannot see through.
// One conversion, here, instead of a cast at every write; reads parse with a zod schema per column.
import type { Prisma } from "./generated/client.ts";

export function toJson(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}
