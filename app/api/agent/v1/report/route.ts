import { receiveReport } from "@/server/agents/report";
import { db } from "@/server/db/client";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return receiveReport(db(), request);
}
