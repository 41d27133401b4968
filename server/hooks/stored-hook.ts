// A hook's argv as stored (JSON): parsed on read, never cast.
import { z } from "zod";

const argvSchema = z.array(z.string());

export const storedArgv = (value: unknown): string[] => argvSchema.catch([]).parse(value);
