-- AlterTable
ALTER TABLE "cluster" ADD COLUMN     "imbalanced" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "splitBrain" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "node" ADD COLUMN     "lagOver" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lastPushedAt" TIMESTAMP(3),
ALTER COLUMN "agentUrl" DROP NOT NULL;

