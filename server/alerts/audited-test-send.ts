// "Send test event", audited: which admin sent a test to which URL, and what came back or why not.
// Wraps test-send.ts rather than changing it, so how a test is sent stays in one place.
import { appendAudit } from "../audit/append.ts";
import type { Db } from "../db/client.ts";
import type { Egress } from "./egress/target.ts";
import { sendTestEvent } from "./test-send.ts";

const MAX_ERROR_LENGTH = 500;

export async function sendAuditedTestEvent(
  db: Db,
  actor: { id: string | null; email: string },
  id: string,
  egress: Egress,
  consoleUrl?: string,
) {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id }, select: { url: true } });
  if (!endpoint) return null;
  const audit = (outcome: string, error: string | null) =>
    db.$transaction((tx) =>
      appendAudit(tx, {
        actorId: actor.id,
        actor: actor.email,
        action: "webhook.test-send",
        target: endpoint.url,
        outcome,
        details: { endpoint: id, error: error?.slice(0, MAX_ERROR_LENGTH) ?? null },
      }),
    );
  try {
    const result = await sendTestEvent(db, id, egress, consoleUrl);
    if (result) await audit(result.statusCode === null ? "failed" : `answered ${result.statusCode}`, result.error);
    return result;
  } catch (error) {
    await audit("refused", error instanceof Error ? error.message : String(error));
    throw error;
  }
}
