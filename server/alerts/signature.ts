// Standard Webhooks signing: secrets are whsec_<base64>, and each delivery carries
// webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body"> under the decoded secret.
import "server-only";
import { createHmac, randomBytes } from "node:crypto";

export const newWebhookSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

export function signWebhook(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${messageId}.${timestampSeconds}.${body}`).digest("base64")}`;
}
