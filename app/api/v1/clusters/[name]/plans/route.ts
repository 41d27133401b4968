import { planFor } from "@/server/actions/request";
import { planRequestSchema } from "@/server/actions/types";
import { answerActionErrors } from "@/server/api/action-error";
import { apiCaller } from "@/server/api/authenticate";
import { parseBody } from "@/server/api/body";
import { db } from "@/server/db/client";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const caller = await apiCaller(request, "operator");
  if (caller instanceof Response) return caller;
  const body = await parseBody(request, planRequestSchema);
  if (body instanceof Response) return body;
  const { name } = await params;
  return answerActionErrors(async () => {
    const plan = await planFor(db(), caller, name, body);
    return Response.json({ guards: plan.guards, steps: plan.steps.map((s) => s.name), allowed: plan.allowed, estimateMs: plan.estimateMs, primary: plan.primary, potentialLossBytes: plan.potentialLossBytes });
  });
}
