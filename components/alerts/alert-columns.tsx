"use client";

// The columns of the alert tables: what, where, since when, how often reminded, who holds it.
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import type { Column } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import { incidentHref, nodeHref } from "@/lib/links";
import type { AppRouter } from "@/server/trpc/root";
import { AcknowledgeButton } from "./acknowledge-button";
import { SeverityBadge } from "./severity-badge";

export type AlertRow = inferRouterOutputs<AppRouter>["alerts"]["list"][number];

const where = (alert: AlertRow) => (alert.node ? `${alert.cluster}/${alert.node}` : alert.cluster);

const severity: Column<AlertRow> = { header: "Severity", cell: (a) => <SeverityBadge severity={a.severity} /> };

const condition: Column<AlertRow> = {
  header: "Condition",
  rowHeader: true,
  cell: (a) => (
    <>
      <code>{a.type}</code>
      {a.heldBack ? (
        <span className="tag held-back" title="Not sent as a webhook while the cluster's primary is down">
          held back: primary down
        </span>
      ) : null}
    </>
  ),
};

const cluster: Column<AlertRow> = {
  header: "Cluster",
  cell: (a) => <Link href={`/clusters/${encodeURIComponent(a.cluster)}`}>{a.cluster}</Link>,
};

const node: Column<AlertRow> = {
  header: "Node",
  cell: (a) => (a.node ? <Link href={nodeHref(a.cluster, a.node)}>{a.node}</Link> : <span className="muted">–</span>),
};

const repeats: Column<AlertRow> = { header: "Repeats", className: "num", cell: (a) => a.repeats };

const incident: Column<AlertRow> = {
  header: "Incident",
  cell: (a) => (a.incident ? <Link href={incidentHref(a.incident)}>timeline</Link> : <span className="muted">–</span>),
};

const acknowledged: Column<AlertRow> = {
  header: "Acknowledged",
  cell: (a) =>
    a.acknowledgedAt ? (
      <div className="acknowledged">
        <span>
          {a.acknowledgedBy ?? "a removed user"}, <RelativeTime at={a.acknowledgedAt} />
        </span>
        {a.note ? <q className="muted">{a.note}</q> : null}
      </div>
    ) : (
      <span className="muted">no</span>
    ),
};

export function openColumns(canAcknowledge: boolean): Column<AlertRow>[] {
  const since: Column<AlertRow> = { header: "Since", cell: (a) => <RelativeTime at={a.openedAt} /> };
  const act: Column<AlertRow> = {
    header: "Acknowledge",
    hideHeader: true,
    className: "ack-cell",
    cell: (a) => (a.acknowledgedAt ? null : <AcknowledgeButton id={a.id} what={`${a.type} on ${where(a)}`} />),
  };
  return [severity, condition, cluster, node, since, repeats, acknowledged, incident, ...(canAcknowledge ? [act] : [])];
}

export const resolvedColumns: Column<AlertRow>[] = [
  severity,
  condition,
  cluster,
  node,
  { header: "Opened", cell: (a) => <RelativeTime at={a.openedAt} /> },
  { header: "Resolved", cell: (a) => <RelativeTime at={a.resolvedAt} /> },
  repeats,
  acknowledged,
  incident,
];
