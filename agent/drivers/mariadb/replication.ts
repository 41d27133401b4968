// Promotion and demotion with MariaDB's GTID replication: a promoted replica applies what it
// received before it stops replicating and takes writes; a demoted server refuses to rejoin when
// it holds transactions its new upstream never received (errant GTIDs), and otherwise follows it.
import type { MariadbConfig } from "./config.ts";
import { describeRanges, errantTransactions, parseGtids } from "./gtid.ts";
import { parseReplicaStatus, type ReplicaStatus } from "./replica-status.ts";
import { ACTION_QUERY_MS, scalar, type Session, withServer } from "./session.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function replicaStatus(session: Session): Promise<ReplicaStatus | null> {
  const row = (await session.rows("SHOW REPLICA STATUS"))[0];
  return row ? parseReplicaStatus(row) : null;
}

/** Semi-synchronous on the primary side, AFTER_SYNC (an async node's settings are the operator's). */
async function primarySemiSync(session: Session, config: MariadbConfig) {
  if (config.replicationMode !== "sync") return;
  await session.run("SET GLOBAL rpl_semi_sync_master_wait_point = 'AFTER_SYNC'");
  // With no replica connected at all (the old primary lost), commits go on unacknowledged at once
  // instead of each waiting out the timeout; a replica that connects makes them semi-synchronous again.
  await session.run("SET GLOBAL rpl_semi_sync_master_wait_no_slave = OFF");
  await session.run("SET GLOBAL rpl_semi_sync_master_enabled = ON");
}

export async function promote(session: Session, config: MariadbConfig, waitMs: number): Promise<string> {
  const replica = await replicaStatus(session);
  const steps: string[] = [];
  if (replica) {
    if (!replica.sqlRunning)
      throw new Error(
        `not promoted: the SQL thread is stopped with received transactions unapplied: ${replica.sqlError}`,
      );
    await session.run("STOP SLAVE IO_THREAD");
    // Acknowledged (semi-sync) means received, not applied: everything received is applied first.
    const received = (await replicaStatus(session))?.receivedGtid;
    if (received) {
      const [waited] = await session.rows("SELECT MASTER_GTID_WAIT(?, ?) AS w", [received, waitMs / 1000]);
      if (Number(waited?.w) !== 0) {
        // Not promoted, so it stays a replica that receives: a standby cut off would fail the next failover's guards.
        await session.run("START SLAVE IO_THREAD");
        throw new Error(`not promoted: ${received} not applied within ${waitMs / 1000} s; still a replica`);
      }
      steps.push(`applied up to ${received}`);
    }
    await session.run("STOP SLAVE");
    await session.run("RESET SLAVE ALL");
    steps.push("replication stopped and reset");
  }
  await primarySemiSync(session, config);
  await session.run("SET GLOBAL read_only = OFF");
  steps.push(config.replicationMode === "sync" ? "writable, semi-synchronous (AFTER_SYNC)" : "writable");
  return replica ? `promoted: ${steps.join(", ")}` : `already primary: ${steps.join(", ")}`;
}

type Upstream = MariadbConfig["peers"][number];

export async function demote(
  session: Session,
  config: MariadbConfig,
  self: string,
  upstream: Upstream,
): Promise<{ ok: boolean; detail: string }> {
  await session.run("SET GLOBAL read_only = ON");
  const target = { ...config, host: upstream.host, port: upstream.port };
  const written = String(await scalar(session, "SELECT @@gtid_binlog_pos"));
  // A switchover demotes first: its target, still replicating from here, is given time to receive the last writes.
  const behind = await withServer(
    target,
    async (s) => {
      const row = (await s.rows("SHOW REPLICA STATUS"))[0];
      const replica = row ? parseReplicaStatus(row) : null;
      if (!written || replica?.port !== config.port || !replica.sqlRunning) return false;
      const [waited] = await s.rows("SELECT MASTER_GTID_WAIT(?, ?) AS w", [written, config.replicaStartMs / 1000]);
      return Number(waited?.w) !== 0;
    },
    ACTION_QUERY_MS,
  );
  if (behind) {
    // Its last writes have not reached the target yet: not errant, just late. It stays the writable primary.
    await session.run("SET GLOBAL read_only = OFF");
    return {
      ok: false,
      detail:
        `${upstream.name} did not apply ${self}'s writes up to ${written} within ${config.replicaStartMs / 1000} s: ` +
        `${self} is still the writable primary`,
    };
  }
  const theirs = String(await withServer(target, (s) => scalar(s, "SELECT @@gtid_binlog_state")));
  const mine = String(await scalar(session, "SELECT @@gtid_binlog_state"));
  const errant = errantTransactions(parseGtids(mine), parseGtids(theirs));
  if (errant.length)
    return {
      ok: false,
      detail:
        `errant transactions ${describeRanges(errant)} on ${self} that ${upstream.name} never received: ` +
        `rejoining would lose or fork them; rebuild ${self} from ${upstream.name} (mariabackup) or apply them ` +
        `there first. ${self} is left read-only, its replication untouched`,
    };
  const was = await replicaStatus(session);
  await session.run("STOP SLAVE");
  if (config.replicationMode === "sync") {
    await session.run("SET GLOBAL rpl_semi_sync_master_enabled = OFF");
    await session.run("SET GLOBAL rpl_semi_sync_slave_enabled = ON");
  }
  // A former primary's own transactions are in its binlog, not in gtid_slave_pos: it resumes after them.
  if (!was) await session.run("SET GLOBAL gtid_slave_pos = @@gtid_current_pos");
  await session.run(
    `CHANGE MASTER TO MASTER_HOST = ?, MASTER_PORT = ?, MASTER_USER = ?, MASTER_PASSWORD = ?,
       MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1`,
    [upstream.host, upstream.port, config.replicationUser, config.replicationPassword ?? ""],
  );
  await session.run("START SLAVE");
  const deadline = Date.now() + config.replicaStartMs;
  for (;;) {
    const now = await replicaStatus(session);
    if (now?.io === "running" && now.sqlRunning) break;
    // Threads just started may not say Yes yet; one that stopped on an error will not start by waiting.
    if (now && (now.ioError || now.sqlError) && (now.io === "stopped" || !now.sqlRunning))
      return { ok: false, detail: `replication from ${upstream.name} stopped: ${now.ioError || now.sqlError}` };
    if (Date.now() > deadline)
      return {
        ok: false,
        detail:
          `replication from ${upstream.name} not running within ${config.replicaStartMs} ms` +
          (now?.ioError ? `: ${now.ioError}` : ""),
      };
    await sleep(100);
  }
  const at = await scalar(session, "SELECT @@gtid_slave_pos");
  return { ok: true, detail: `read-only, replicating from ${upstream.name} (GTID ${String(at) || "empty"})` };
}
