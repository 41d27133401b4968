import { planFor } from "@/server/actions/request";
import { planRequestSchema } from "@/server/actions/types";
import { answerActionErrors } from "@/server/api/action-error";
import { apiCaller } from "@/server/api/authenticate";
import { parseBody, parseParams } from "@/server/api/body";
import { clusterPath } from "@/server/api/path-params";
import { db } from "@/server/db/client";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const caller = await apiCaller(request, "operator");
  if (caller instanceof Response) return caller;
  const path = await parseParams(params, clusterPath);
  if (path instanceof Response) return path;
  const body = await parseBody(request, planRequestSchema);
  if (body instanceof Response) return body;
  return answerActionErrors(async () => {
    const plan = await planFor(db(), caller, path.name, body);
    const { guards, allowed, estimateMs, primary, potentialLossBytes, lossMoment } = plan;
    const steps = plan.steps.map((s) => s.name);
    return Response.json({ guards, steps, allowed, estimateMs, primary, potentialLossBytes, lossMoment });
  });
}
