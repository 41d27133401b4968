-- AlterTable
ALTER TABLE "sample_rollup" ADD COLUMN     "servingSamples" INTEGER NOT NULL DEFAULT 0;

