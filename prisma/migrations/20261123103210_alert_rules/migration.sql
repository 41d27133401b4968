-- AlterTable
ALTER TABLE "cluster" ADD COLUMN     "alertEvents" TEXT[] DEFAULT ARRAY['*']::TEXT[],
ADD COLUMN     "alertRepeatMinutes" INTEGER;


-- A cluster's alert rules choose which of its event types notify at all.
CREATE OR REPLACE FUNCTION webhook_outbox() RETURNS trigger AS $$
BEGIN
  IF NEW."clusterId" IS NOT NULL AND (
    EXISTS (SELECT 1 FROM "silence" s WHERE s."clusterId" = NEW."clusterId" AND s."startsAt" <= NEW.at AND s."endsAt" > NEW.at)
    OR NOT EXISTS (SELECT 1 FROM "cluster" c WHERE c.id = NEW."clusterId" AND ('*' = ANY (c."alertEvents") OR NEW.type = ANY (c."alertEvents")))
  ) THEN
    RETURN NEW;
  END IF;
  INSERT INTO "webhook_delivery" ("endpointId", "eventId")
  SELECT e.id, NEW.id FROM "webhook_endpoint" e
  WHERE e.enabled AND ('*' = ANY (e.events) OR NEW.type = ANY (e.events));
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
