-- CreateTable
CREATE TABLE "silence" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "silence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "silence_clusterId_endsAt_idx" ON "silence"("clusterId", "endsAt");

-- AddForeignKey
ALTER TABLE "silence" ADD CONSTRAINT "silence_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Silenced clusters get no deliveries for the events of their silence; the events are kept.
CREATE OR REPLACE FUNCTION webhook_outbox() RETURNS trigger AS $$
BEGIN
  IF NEW."clusterId" IS NOT NULL AND EXISTS (
    SELECT 1 FROM "silence" s WHERE s."clusterId" = NEW."clusterId" AND s."startsAt" <= NEW.at AND s."endsAt" > NEW.at
  ) THEN
    RETURN NEW;
  END IF;
  INSERT INTO "webhook_delivery" ("endpointId", "eventId")
  SELECT e.id, NEW.id FROM "webhook_endpoint" e
  WHERE e.enabled AND ('*' = ANY (e.events) OR NEW.type = ANY (e.events));
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
