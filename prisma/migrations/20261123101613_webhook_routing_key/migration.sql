-- AlterTable
ALTER TABLE "webhook_endpoint" ADD COLUMN     "routingKey" TEXT;

