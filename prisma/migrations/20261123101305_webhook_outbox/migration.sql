-- AlterTable
ALTER TABLE "webhook_delivery" ALTER COLUMN "id" SET DEFAULT (gen_random_uuid())::text,
ALTER COLUMN "messageId" SET DEFAULT ('msg_'::text || replace((gen_random_uuid())::text, '-'::text, ''::text));


-- The outbox: every event gets its deliveries, one per enabled endpoint subscribed to its type,
-- in the same transaction that wrote the event, whoever wrote it. A crash loses neither.
CREATE FUNCTION webhook_outbox() RETURNS trigger AS $$
BEGIN
  INSERT INTO "webhook_delivery" ("endpointId", "eventId")
  SELECT e.id, NEW.id FROM "webhook_endpoint" e
  WHERE e.enabled AND ('*' = ANY (e.events) OR NEW.type = ANY (e.events));
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "event_webhook_outbox" AFTER INSERT ON "event" FOR EACH ROW EXECUTE FUNCTION webhook_outbox();
