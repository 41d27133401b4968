-- CreateTable
CREATE TABLE "leader_lease" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "holder" TEXT NOT NULL,
    "epoch" BIGINT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "renewedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "leader_lease_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "leader_lease_epoch_key" ON "leader_lease"("epoch");

-- The one row: nobody has led yet, so the first takeover finds it expired and makes epoch 1.
INSERT INTO "leader_lease" ("id", "holder", "epoch", "expiresAt", "renewedAt") VALUES (1, '', 0, 'epoch', 'epoch');
