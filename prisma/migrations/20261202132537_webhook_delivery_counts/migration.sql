-- CreateTable
CREATE TABLE "webhook_delivery_count" (
    "endpointId" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "webhook_delivery_count_pkey" PRIMARY KEY ("endpointId","status")
);

-- AddForeignKey
ALTER TABLE "webhook_delivery_count" ADD CONSTRAINT "webhook_delivery_count_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "webhook_endpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Counted by a trigger rather than by the writers: a delivery ends in the sender, in a disabled
-- endpoint's refusal and again after a manual redelivery, and each of those counts, once, in its own
-- transaction. Retention deletes deliveries with their old events and leaves the counts alone.
CREATE FUNCTION webhook_delivery_count() RETURNS trigger AS $$
BEGIN
  IF NEW.status IN ('SUCCEEDED', 'FAILED') AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM NEW.status) THEN
    INSERT INTO "webhook_delivery_count" ("endpointId", "status", "count") VALUES (NEW."endpointId", NEW.status, 1)
    ON CONFLICT ("endpointId", "status") DO UPDATE SET "count" = "webhook_delivery_count"."count" + 1;
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER webhook_delivery_count AFTER INSERT OR UPDATE OF status ON "webhook_delivery"
  FOR EACH ROW EXECUTE FUNCTION webhook_delivery_count();

-- The deliveries that ended before the counts were kept.
INSERT INTO "webhook_delivery_count" ("endpointId", "status", "count")
SELECT "endpointId", status, count(*) FROM "webhook_delivery" WHERE status IN ('SUCCEEDED', 'FAILED') GROUP BY 1, 2;
