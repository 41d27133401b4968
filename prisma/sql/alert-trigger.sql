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
