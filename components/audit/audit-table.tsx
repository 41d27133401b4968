"use client";

// The audit entries, newest first: each names the action or drill it is about and the cluster and
// nodes of its target as links, never by id.
import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import { ClockTime } from "@/components/ui/clock-time";
import { LinkedText } from "@/components/ui/linked-text";
import type { AppRouter } from "@/server/trpc/root";

type AuditRow = inferRouterOutputs<AppRouter>["audit"]["list"][number];

const stepOf = (details: unknown) => (details as { step?: string } | null)?.step;

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <div className="panel scroll-x">
      <table className="data">
        <caption className="skip-link">Audit entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">When</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Reason</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.seq}>
              <td className="num">{row.seq}</td>
              <td>
                <ClockTime at={row.at} />
              </td>
              <td>{row.actor}</td>
              <th scope="row">
                <code>{row.action}</code>
                {row.subject ? (
                  <div className="audit-subject">
                    <Link href={row.subject.href}>{row.subject.label}</Link>
                  </div>
                ) : null}
              </th>
              <td className="nowrap-links">
                <LinkedText text={row.target} refs={row.targetRefs} />
              </td>
              <td>{row.reason ?? <span className="muted">–</span>}</td>
              <td>
                {row.outcome}
                {stepOf(row.details) ? <div className="muted">{stepOf(row.details)}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
