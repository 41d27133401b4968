// `haops alerts [--all]` and `haops ack ID [--note TEXT]`.
import { ago } from "../../lib/format.ts";
import type { Alert, AlertList } from "../answers.ts";
import type { Client } from "../client.ts";
import { EXIT } from "../exit.ts";
import { type Io, show } from "../io.ts";
import { table } from "../table.ts";

function alertsTable({ alerts }: AlertList): string {
  if (alerts.length === 0) return "No alerts.";
  const rows = alerts.map((a) => [
    a.id,
    a.severity.toUpperCase(),
    a.type,
    a.node ? `${a.cluster}/${a.node}` : a.cluster,
    ago(a.openedAt),
    a.resolvedAt ? `resolved ${ago(a.resolvedAt)}` : a.acknowledgedBy ? `acked by ${a.acknowledgedBy}` : "open",
  ]);
  return table(["ID", "SEVERITY", "TYPE", "WHERE", "OPENED", "STATE"], rows);
}

export async function alerts(client: Client, io: Io, all: boolean) {
  show(io, await client.get<AlertList>("/alerts", { state: all ? "all" : "open" }), alertsTable);
  return EXIT.done;
}

export async function ack(client: Client, io: Io, id: string, note: string | undefined) {
  const alert = await client.post<Alert>(`/alerts/${encodeURIComponent(id)}/ack`, note ? { note } : {});
  show(io, alert, (a) => `Acknowledged ${a.type} on ${a.node ? `${a.cluster}/${a.node}` : a.cluster} (${a.id}).`);
  return EXIT.done;
}
