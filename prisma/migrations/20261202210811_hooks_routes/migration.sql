-- CreateEnum
CREATE TYPE "HookPhase" AS ENUM ('BEFORE_FENCE', 'AFTER_PROMOTE', 'AFTER_ACTION', 'ON_FAILURE', 'BEFORE_DRAIN', 'AFTER_DRAIN');

-- CreateEnum
CREATE TYPE "HookKind" AS ENUM ('HTTP', 'COMMAND');

-- CreateEnum
CREATE TYPE "RouteKind" AS ENUM ('PGBOUNCER', 'DNS');

-- AlterTable
ALTER TABLE "node" ADD COLUMN     "address" TEXT;

-- CreateTable
CREATE TABLE "cluster_hook" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "phase" "HookPhase" NOT NULL,
    "kind" "HookKind" NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "timeoutMs" INTEGER NOT NULL DEFAULT 10000,
    "url" TEXT,
    "secret" TEXT,
    "node" TEXT,
    "argv" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "cluster_hook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "client_route" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "RouteKind" NOT NULL,
    "timeoutMs" INTEGER NOT NULL DEFAULT 5000,
    "node" TEXT,
    "database" TEXT,
    "server" TEXT,
    "zone" TEXT,
    "record" TEXT,
    "ttl" INTEGER,
    "keyName" TEXT,
    "keyAlgorithm" TEXT,
    "keySecret" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "client_route_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "cluster_hook_clusterId_name_key" ON "cluster_hook"("clusterId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "client_route_clusterId_name_key" ON "client_route"("clusterId", "name");

-- AddForeignKey
ALTER TABLE "cluster_hook" ADD CONSTRAINT "cluster_hook_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "client_route" ADD CONSTRAINT "client_route_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

