-- AlterTable
ALTER TABLE "node" ADD COLUMN     "degraded" BOOLEAN NOT NULL DEFAULT false;

