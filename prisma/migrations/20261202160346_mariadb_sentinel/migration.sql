-- CreateEnum
CREATE TYPE "ClusterManager" AS ENUM ('console', 'sentinel');

-- AlterEnum
ALTER TYPE "ClusterSystem" ADD VALUE 'mariadb';

-- AlterTable
ALTER TABLE "cluster" ADD COLUMN     "managedBy" "ClusterManager" NOT NULL DEFAULT 'console';

