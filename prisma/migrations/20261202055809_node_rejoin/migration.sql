-- AlterEnum
ALTER TYPE "ActionType" ADD VALUE 'REJOIN';

-- AlterTable
ALTER TABLE "node" ADD COLUMN     "needsRejoin" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reportedRole" "NodeRole" NOT NULL DEFAULT 'UNKNOWN';


-- What agents said until now is what the console showed.
UPDATE "node" SET "reportedRole" = "role";
