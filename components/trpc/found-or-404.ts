import "server-only";

import { notFound } from "next/navigation";
import { isNotFound } from "./not-found";

/** A page's subject, or the console's one not-found page when the server says there is none. */
export async function foundOr404<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (isNotFound(error)) notFound();
    throw error;
  }
}
