-- Closed sets of strings become enums. Each column is converted in place, its values kept (the enums'
-- database values are the strings stored so far); a value outside its set fails the cast, and with it
-- the whole migration, rather than being lost.

-- CreateEnum
CREATE TYPE "ClusterSystem" AS ENUM ('postgresql', 'redis', 'http');

-- CreateEnum
CREATE TYPE "DrillScenario" AS ENUM ('primary-crash', 'primary-partition', 'standby-lag', 'node-crash', 'region-loss');

-- CreateEnum
CREATE TYPE "DrillPhaseName" AS ENUM ('inject', 'detect', 'failover', 'verify', 'restore');

-- AlterTable
ALTER TABLE "cluster" ALTER COLUMN "system" TYPE "ClusterSystem" USING "system"::"ClusterSystem";

-- AlterTable
ALTER TABLE "drill" ALTER COLUMN "scenario" TYPE "DrillScenario" USING "scenario"::"DrillScenario";

-- AlterTable
ALTER TABLE "drill_phase" ALTER COLUMN "name" TYPE "DrillPhaseName" USING "name"::"DrillPhaseName";

-- AlterTable
ALTER TABLE "drill_schedule" ALTER COLUMN "scenario" TYPE "DrillScenario" USING "scenario"::"DrillScenario";
