-- AlterTable
ALTER TABLE "api_token" ADD COLUMN     "role" "UserRole" NOT NULL DEFAULT 'viewer';

-- Tokens made before tokens had a role acted with their user's role: they keep doing so.
-- New tokens are viewers unless their maker picks a higher role.
UPDATE "api_token" SET "role" = 'admin';
