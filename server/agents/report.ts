// POST /api/agent/v1/report: an agent pushes its status document. Authenticated by the node's own
// token; a bad document is refused with the wrong field and nothing of it is stored.
import { firstProblem, statusSchema } from "../../agent/protocol.ts";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { readBodyWithin } from "../security/body-limit.ts";
import { TokenBuckets } from "../security/token-bucket.ts";
import { roleOf, sampleOf } from "../detection/sample.ts";
import { REPORT_CHANNEL } from "../poller/wake-ups.ts";
import { nodeForAgentToken } from "./tokens.ts";

const MAX_BODY_BYTES = 256 * 1024;
const perToken = new TokenBuckets({ capacity: 20, refillPerSecond: 5 });

const problem = (status: number, error: string, message: string, extra: Record<string, string> = {}) =>
  Response.json(
    { error, message, ...extra },
    { status, headers: status === 401 ? { "www-authenticate": "Bearer" } : {} },
  );

export async function receiveReport(db: Db, request: Request): Promise<Response> {
  const authorization = request.headers.get("authorization");
  const node = await nodeForAgentToken(db, authorization).catch(() => undefined);
  if (node === undefined)
    return problem(503, "unavailable", "The console cannot check tokens right now; send the next report.");
  if (!node) return problem(401, "unauthorized", "A valid agent token is required (Authorization: Bearer <token>).");
  if (!perToken.take(node.id)) return problem(429, "rate_limited", "Too many reports for this token; slow down.");

  const bytes = await readBodyWithin(request, MAX_BODY_BYTES);
  if (!bytes) return problem(413, "too_large", `A report is at most ${MAX_BODY_BYTES} bytes.`);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return problem(400, "bad_request", "The body is not valid JSON.", { field: "(body)" });
  }
  const parsed = statusSchema.safeParse(body);
  if (!parsed.success) {
    const { field, message } = firstProblem(parsed.error);
    return problem(400, "bad_request", `${field}: ${message}`, { field });
  }
  if (parsed.data.node.name !== node.name) {
    return problem(403, "forbidden", `This token belongs to node ${node.name}, not ${parsed.data.node.name}.`);
  }
  // The sample goes in at once; the leader judges the node's state from the pushed status.
  const at = Date.now();
  const sample = sampleOf(node.id, at, node.state, roleOf(parsed.data), parsed.data, null);
  try {
    await db.$transaction([
      db.sample.createMany({
        data: [{ ...sample, failedChecks: sample.failedChecks ?? undefined }],
        skipDuplicates: true,
      }),
      db.node.update({
        where: { id: node.id },
        data: {
          lastStatus: parsed.data as Prisma.InputJsonValue,
          lastSeenAt: new Date(at),
          lastPushedAt: new Date(at),
        },
      }),
      // The leader, wherever it runs, polls a polled node at once on its news (a process gone).
      db.$executeRaw`SELECT pg_notify(${REPORT_CHANNEL}, ${node.id})`,
    ]);
  } catch (error) {
    // The protocol's bounds make every accepted document storable: a failure here is the database's.
    console.error(`Could not store a report from ${node.name}:`, error);
    return problem(503, "unavailable", "The console cannot store reports right now; send the next one.");
  }
  return Response.json({ accepted: true, node: node.name, cluster: node.cluster.name }, { status: 202 });
}
