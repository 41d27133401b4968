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
