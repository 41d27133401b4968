-- CreateTable
CREATE TABLE "alert" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "type" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "resolvedBy" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "nodeId" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "repeats" INTEGER NOT NULL DEFAULT 0,
    "acknowledgedById" TEXT,
    "acknowledgedBy" TEXT,
    "acknowledgedAt" TIMESTAMP(3),
    "note" TEXT,
    "openedEventId" BIGINT,

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alert_resolvedAt_openedAt_idx" ON "alert"("resolvedAt", "openedAt");

-- CreateIndex
CREATE INDEX "alert_clusterId_nodeId_idx" ON "alert"("clusterId", "nodeId");

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "node"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_openedEventId_fkey" FOREIGN KEY ("openedEventId") REFERENCES "event"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- One open alert per condition: a cluster, a node (or none, for split-brain and imbalance) and the type
-- that resolves it. Partial and on an expression, so Prisma's schema cannot say it.
CREATE UNIQUE INDEX "alert_open_key" ON "alert" ("clusterId", (COALESCE("nodeId", '')), "resolvedBy")
  WHERE "resolvedAt" IS NULL;

-- Alert state, the trigger function on every event insert: a condition event (lib/events.ts `condition`)
-- opens the alert of its cluster, node and resolving type, or updates the one already open (a repeat is
-- counted; a node.down its peers confirm takes the new type and severity); its resolving event closes it.
-- A node that goes down turns its suspect alert into the down one, so an outage is one alert from the
-- first missed poll until the node recovers.
-- In the database rather than in the writers because events are written two ways (Prisma in
-- server/events/record.ts, the detector's bulk SQL in server/ingest/flush.ts): here both commit the
-- alert with its event, or neither.
-- This file is the function's one source: change it here, then copy it unchanged into a new migration
-- (prisma/alert-state.test.ts holds the newest migration that defines the function to this text).
CREATE OR REPLACE FUNCTION alert_state() RETURNS trigger AS $$
DECLARE
  resolver text;
  repeat int := CASE WHEN NEW.details ->> 'repeat' = 'true' THEN 1 ELSE 0 END;
BEGIN
  IF NEW."clusterId" IS NULL THEN
    RETURN NEW;
  END IF;
  -- The catalog's conditions and the types that resolve them (prisma/alert-state.test.ts keeps them equal).
  SELECT c.resolver INTO resolver FROM (VALUES
    ('node.suspect', 'node.healthy'),
    ('node.down', 'node.recovered'),
    ('node.confirmed_down', 'node.recovered'),
    ('node.isolated', 'node.recovered'),
    ('node.degraded', 'node.restored'),
    ('lag.over', 'lag.under'),
    ('split_brain', 'split_brain.resolved'),
    ('traffic.imbalance', 'traffic.balanced')
  ) AS c(condition, resolver) WHERE c.condition = NEW.type;
  IF resolver IS NULL THEN
    UPDATE "alert" SET "resolvedAt" = NEW.at
    WHERE "clusterId" = NEW."clusterId" AND "nodeId" IS NOT DISTINCT FROM NEW."nodeId"
      AND "resolvedBy" = NEW.type AND "resolvedAt" IS NULL;
    RETURN NEW;
  END IF;
  IF resolver = 'node.recovered' THEN
    UPDATE "alert" a SET "resolvedBy" = resolver
    WHERE a."clusterId" = NEW."clusterId" AND a."nodeId" IS NOT DISTINCT FROM NEW."nodeId"
      AND a."resolvedBy" = 'node.healthy' AND a."resolvedAt" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM "alert" d
        WHERE d."clusterId" = NEW."clusterId" AND d."nodeId" IS NOT DISTINCT FROM NEW."nodeId"
          AND d."resolvedBy" = resolver AND d."resolvedAt" IS NULL
      );
    -- Only when the node had a down alert open already: that one carries on.
    UPDATE "alert" SET "resolvedAt" = NEW.at
    WHERE "clusterId" = NEW."clusterId" AND "nodeId" IS NOT DISTINCT FROM NEW."nodeId"
      AND "resolvedBy" = 'node.healthy' AND "resolvedAt" IS NULL;
  END IF;
  INSERT INTO "alert" (type, severity, "resolvedBy", "clusterId", "nodeId", "openedAt", repeats, "openedEventId")
  VALUES (NEW.type, NEW.severity, resolver, NEW."clusterId", NEW."nodeId", NEW.at, repeat, NEW.id)
  ON CONFLICT ("clusterId", (COALESCE("nodeId", '')), "resolvedBy") WHERE "resolvedAt" IS NULL DO UPDATE SET
    repeats = "alert".repeats + repeat,
    type = CASE WHEN repeat = 1 THEN "alert".type ELSE EXCLUDED.type END,
    severity = CASE WHEN repeat = 1 THEN "alert".severity ELSE EXCLUDED.severity END;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "event_alert_state" AFTER INSERT ON "event" FOR EACH ROW EXECUTE FUNCTION alert_state();

-- Alert routing, the outbox's trigger function: every event gets its deliveries, one per enabled endpoint
-- subscribed to its type, in the transaction that wrote the event, unless its cluster is silenced or the
-- cluster's alert rules leave its type out. '*' takes every type but audit.checkpoint, which comes every
-- minute the audit log grows and goes only to endpoints that name it. Inhibition (Alertmanager's word):
-- while a cluster's primary is down, its standbys' lag is a symptom of that loss, not news, so lag.over
-- (and its repeats) is stored and shown as held back (server/alerts/held-back.ts) but not sent; lag.under
-- still goes, so a receiver that had the lag.over sees it resolved.
-- This file is the function's one source: change it here, then copy it unchanged into a new migration
-- (prisma/alert-trigger.test.ts holds the newest migration that defines the function to this text).
CREATE OR REPLACE FUNCTION webhook_outbox() RETURNS trigger AS $$
BEGIN
  IF NEW."clusterId" IS NOT NULL AND (
    EXISTS (
      SELECT 1 FROM "silence" s
      WHERE s."clusterId" = NEW."clusterId" AND s."startsAt" <= NEW.at AND s."endsAt" > NEW.at
    )
    OR NOT EXISTS (
      SELECT 1 FROM "cluster" c
      WHERE c.id = NEW."clusterId" AND ('*' = ANY (c."alertEvents") OR NEW.type = ANY (c."alertEvents"))
    )
    OR (NEW.type = 'lag.over' AND EXISTS (
      SELECT 1 FROM "node" n WHERE n."clusterId" = NEW."clusterId" AND n.role = 'PRIMARY' AND n.state = 'DOWN'
    ))
  ) THEN
    RETURN NEW;
  END IF;
  INSERT INTO "webhook_delivery" ("endpointId", "eventId")
  SELECT e.id, NEW.id FROM "webhook_endpoint" e
  WHERE e.enabled AND (('*' = ANY (e.events) AND NEW.type <> 'audit.checkpoint') OR NEW.type = ANY (e.events));
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

-- The conditions open now, from the nodes' and clusters' state, each dated by its latest event when
-- retention has kept one.
INSERT INTO "alert" (type, severity, "resolvedBy", "clusterId", "nodeId", "openedAt", "openedEventId")
SELECT o.type, COALESCE(e.severity, o.severity), o.resolver, o."clusterId", o."nodeId",
  COALESCE(e.at, o.since, now()), e.id
FROM (
  SELECT CASE WHEN n.isolated THEN 'node.isolated' WHEN n."confirmedDown" THEN 'node.confirmed_down'
      ELSE 'node.down' END AS type,
    CASE WHEN n.role = 'PRIMARY' THEN 'CRITICAL' ELSE 'WARNING' END::"Severity" AS severity,
    'node.recovered' AS resolver, n."clusterId", n.id AS "nodeId", n."stateChangedAt" AS since
  FROM "node" n WHERE n.state = 'DOWN'
  UNION ALL
  SELECT 'node.suspect', 'WARNING', 'node.healthy', n."clusterId", n.id, n."stateChangedAt"
  FROM "node" n WHERE n.state = 'SUSPECT'
  UNION ALL
  SELECT 'node.degraded', CASE WHEN n.role = 'STANDBY' THEN 'WARNING' ELSE 'CRITICAL' END::"Severity",
    'node.restored', n."clusterId", n.id, NULL
  FROM "node" n WHERE n.degraded
  UNION ALL
  SELECT 'lag.over', 'WARNING', 'lag.under', n."clusterId", n.id, NULL FROM "node" n WHERE n."lagOver"
  UNION ALL
  SELECT 'split_brain', 'CRITICAL', 'split_brain.resolved', c.id, NULL, NULL FROM "cluster" c WHERE c."splitBrain"
  UNION ALL
  SELECT 'traffic.imbalance', 'WARNING', 'traffic.balanced', c.id, NULL, NULL FROM "cluster" c WHERE c.imbalanced
) o
LEFT JOIN LATERAL (
  SELECT ev.id, ev.at, ev.severity FROM "event" ev
  WHERE ev."clusterId" = o."clusterId" AND ev."nodeId" IS NOT DISTINCT FROM o."nodeId" AND ev.type = o.type
  ORDER BY ev.at DESC LIMIT 1
) e ON true;
