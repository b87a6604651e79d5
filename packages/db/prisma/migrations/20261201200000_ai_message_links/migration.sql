
-- AlterTable
ALTER TABLE "AiMessage" ADD COLUMN     "links" JSONB,
ADD COLUMN     "suggestions" TEXT[] DEFAULT ARRAY[]::TEXT[];

