-- AlterTable
ALTER TABLE "action" ADD COLUMN     "acceptedLossBytes" BIGINT,
ADD COLUMN     "requiresApproval" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "action_step" ADD COLUMN     "spec" JSONB NOT NULL DEFAULT '{}';


-- One action per cluster at a time, enforced by the database: a second pending or running
-- action on the same cluster cannot be inserted, whichever console instance tries.
CREATE UNIQUE INDEX "action_one_active_per_cluster" ON "action" ("clusterId") WHERE status IN ('PENDING', 'RUNNING');
