-- AlterTable
ALTER TABLE "drill" ADD COLUMN     "abortReason" TEXT,
ADD COLUMN     "abortRequestedAt" TIMESTAMP(3),
ADD COLUMN     "injectedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "drill_schedule" (
    "clusterId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "cron" TEXT NOT NULL,
    "scenario" TEXT NOT NULL,
    "blocked" JSONB NOT NULL DEFAULT '[]',
    "nextRunAt" TIMESTAMP(3),
    "lastRunAt" TIMESTAMP(3),
    "lastDrillId" TEXT,
    "lastSkip" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "drill_schedule_pkey" PRIMARY KEY ("clusterId")
);

-- AddForeignKey
ALTER TABLE "drill_schedule" ADD CONSTRAINT "drill_schedule_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- One drill at a time per cluster: two drills would judge each other's faults.
CREATE UNIQUE INDEX "drill_one_active_per_cluster" ON "drill" ("clusterId") WHERE status IN ('PLANNED', 'RUNNING');

-- Alerts a drill's own fault raises are drill traffic and carry the drill's id, in events and in
-- webhooks, whoever writes them (detection, actions, the drill itself): events about a faulted
-- node, and the drill's own doings (its failover, its result), while the drill runs with its
-- fault in. A node outside the fault failing meanwhile is not drill traffic: it still pages.
CREATE FUNCTION event_mark_drill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."drillId" IS NULL AND NEW."clusterId" IS NOT NULL THEN
    SELECT d.id INTO NEW."drillId" FROM drill d
     WHERE d."clusterId" = NEW."clusterId" AND d.status = 'RUNNING' AND d."injectedAt" IS NOT NULL AND d."injectedAt" <= NEW.at
       AND (
         (NEW."nodeId" IS NULL AND NEW.type ~ '^(action|failover|guard|drill)\.')
         OR EXISTS (
           SELECT 1 FROM node n, jsonb_array_elements(d.params -> 'faults') f
            WHERE n.id = NEW."nodeId" AND n.name = f ->> 'node'
         )
       )
     LIMIT 1;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER event_mark_drill BEFORE INSERT ON event FOR EACH ROW EXECUTE FUNCTION event_mark_drill();
