-- Trigram similarity for typo-tolerant catalog search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "Certification" AS ENUM ('draft', 'certified', 'deprecated');

-- CreateEnum
CREATE TYPE "StewardRole" AS ENUM ('owner', 'steward');

-- CreateEnum
CREATE TYPE "PrincipalType" AS ENUM ('user', 'team');

-- CreateEnum
CREATE TYPE "LineagePropagation" AS ENUM ('none', 'downstream', 'both');

-- CreateEnum
CREATE TYPE "TermStatus" AS ENUM ('draft', 'approved', 'deprecated');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('low', 'medium', 'high', 'critical');

-- CreateEnum
CREATE TYPE "FindingStatus" AS ENUM ('open', 'acknowledged', 'resolved', 'waived');

-- AlterTable
ALTER TABLE "Asset" ADD COLUMN     "certification" "Certification" NOT NULL DEFAULT 'draft',
ADD COLUMN     "certifiedAt" TIMESTAMP(3),
ADD COLUMN     "certifiedById" TEXT,
ADD COLUMN     "labels" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "search" tsvector,
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "LineageEdge" ADD COLUMN     "propagation" "LineagePropagation" NOT NULL DEFAULT 'none';

-- CreateTable
CREATE TABLE "AssetSteward" (
    "id" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "role" "StewardRole" NOT NULL,
    "principalType" "PrincipalType" NOT NULL,
    "principalId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssetSteward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GlossaryTerm" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL DEFAULT '',
    "synonyms" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "parentId" TEXT,
    "ownerId" TEXT,
    "status" "TermStatus" NOT NULL DEFAULT 'draft',
    "labels" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "search" tsvector,

    CONSTRAINT "GlossaryTerm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GlossaryTermAsset" (
    "termId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GlossaryTermAsset_pkey" PRIMARY KEY ("termId","assetId")
);

-- CreateTable
CREATE TABLE "ComplianceFramework" (
    "id" TEXT NOT NULL,
    "key" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "version" TEXT NOT NULL DEFAULT '1',
    "builtIn" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComplianceFramework_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplianceRule" (
    "id" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "severity" "Severity" NOT NULL DEFAULT 'medium',
    "target" TEXT NOT NULL,
    "appliesWhen" TEXT NOT NULL DEFAULT 'true',
    "requires" TEXT NOT NULL,
    "remediation" TEXT NOT NULL DEFAULT '',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComplianceRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplianceFinding" (
    "id" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "dataSourceId" TEXT NOT NULL,
    "workspaceId" TEXT,
    "severity" "Severity" NOT NULL,
    "status" "FindingStatus" NOT NULL DEFAULT 'open',
    "evidence" JSONB NOT NULL,
    "assigneeId" TEXT,
    "dueAt" TIMESTAMP(3),
    "waiverReason" TEXT,
    "waivedUntil" TIMESTAMP(3),
    "waivedById" TEXT,
    "note" TEXT,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "lastEvaluationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComplianceFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplianceEvaluation" (
    "id" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL DEFAULT 'manual',
    "dataSourceId" TEXT,
    "triggeredById" TEXT,
    "status" "RunStatus" NOT NULL DEFAULT 'running',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "rulesEvaluated" INTEGER NOT NULL DEFAULT 0,
    "assetsEvaluated" INTEGER NOT NULL DEFAULT 0,
    "checks" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "opened" INTEGER NOT NULL DEFAULT 0,
    "resolved" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "ComplianceEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostureSnapshot" (
    "id" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "scopeType" "ScopeType" NOT NULL,
    "scopeId" TEXT NOT NULL DEFAULT '*',
    "score" DOUBLE PRECISION NOT NULL,
    "checks" INTEGER NOT NULL,
    "failures" INTEGER NOT NULL,
    "evaluationId" TEXT,
    "takenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PostureSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AssetSteward_principalType_principalId_idx" ON "AssetSteward"("principalType", "principalId");

-- CreateIndex
CREATE UNIQUE INDEX "AssetSteward_assetId_role_principalType_principalId_key" ON "AssetSteward"("assetId", "role", "principalType", "principalId");

-- CreateIndex
CREATE UNIQUE INDEX "GlossaryTerm_name_key" ON "GlossaryTerm"("name");

-- CreateIndex
CREATE INDEX "GlossaryTerm_parentId_idx" ON "GlossaryTerm"("parentId");

-- CreateIndex
CREATE INDEX "GlossaryTerm_search_idx" ON "GlossaryTerm" USING GIN ("search");

-- CreateIndex
CREATE INDEX "GlossaryTerm_name_trgm_idx" ON "GlossaryTerm" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "GlossaryTermAsset_assetId_idx" ON "GlossaryTermAsset"("assetId");

-- CreateIndex
CREATE UNIQUE INDEX "ComplianceFramework_key_key" ON "ComplianceFramework"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ComplianceFramework_name_key" ON "ComplianceFramework"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ComplianceRule_frameworkId_code_key" ON "ComplianceRule"("frameworkId", "code");

-- CreateIndex
CREATE INDEX "ComplianceFinding_frameworkId_status_idx" ON "ComplianceFinding"("frameworkId", "status");

-- CreateIndex
CREATE INDEX "ComplianceFinding_dataSourceId_status_idx" ON "ComplianceFinding"("dataSourceId", "status");

-- CreateIndex
CREATE INDEX "ComplianceFinding_assigneeId_idx" ON "ComplianceFinding"("assigneeId");

-- CreateIndex
CREATE UNIQUE INDEX "ComplianceFinding_ruleId_assetId_key" ON "ComplianceFinding"("ruleId", "assetId");

-- CreateIndex
CREATE INDEX "ComplianceEvaluation_frameworkId_startedAt_idx" ON "ComplianceEvaluation"("frameworkId", "startedAt");

-- CreateIndex
CREATE INDEX "PostureSnapshot_frameworkId_scopeType_scopeId_takenAt_idx" ON "PostureSnapshot"("frameworkId", "scopeType", "scopeId", "takenAt");

-- CreateIndex
CREATE INDEX "Asset_search_idx" ON "Asset" USING GIN ("search");

-- CreateIndex
CREATE INDEX "Asset_tags_idx" ON "Asset" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "Asset_labels_idx" ON "Asset" USING GIN ("labels");

-- CreateIndex
CREATE INDEX "Asset_name_trgm_idx" ON "Asset" USING GIN ("name" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "AssetSteward" ADD CONSTRAINT "AssetSteward_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GlossaryTerm" ADD CONSTRAINT "GlossaryTerm_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "GlossaryTerm"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GlossaryTermAsset" ADD CONSTRAINT "GlossaryTermAsset_termId_fkey" FOREIGN KEY ("termId") REFERENCES "GlossaryTerm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GlossaryTermAsset" ADD CONSTRAINT "GlossaryTermAsset_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceRule" ADD CONSTRAINT "ComplianceRule_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "ComplianceFramework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceFinding" ADD CONSTRAINT "ComplianceFinding_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "ComplianceRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceFinding" ADD CONSTRAINT "ComplianceFinding_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "ComplianceFramework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceFinding" ADD CONSTRAINT "ComplianceFinding_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceEvaluation" ADD CONSTRAINT "ComplianceEvaluation_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "ComplianceFramework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostureSnapshot" ADD CONSTRAINT "PostureSnapshot_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "ComplianceFramework"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Search documents, kept by triggers (Prisma's diff ignores functions and triggers).
-- Names and qualified names are split on "_" and "." so "customer_email" matches "email".
CREATE FUNCTION racine_asset_search() RETURNS trigger AS $$
BEGIN
  NEW.search :=
    setweight(to_tsvector('simple', regexp_replace(coalesce(NEW.name, ''), '[_.]+', ' ', 'g')), 'A') ||
    setweight(to_tsvector('simple', regexp_replace(coalesce(NEW."qualifiedName", ''), '[_.]+', ' ', 'g')), 'B') ||
    setweight(to_tsvector('simple', regexp_replace(array_to_string(coalesce(NEW.tags, '{}'), ' ') || ' ' || array_to_string(coalesce(NEW.labels, '{}'), ' '), '[_.:]+', ' ', 'g')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW.description, '') || ' ' || coalesce(NEW.comment, '')), 'C');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Asset_search"
  BEFORE INSERT OR UPDATE OF name, "qualifiedName", description, comment, tags, labels ON "Asset"
  FOR EACH ROW EXECUTE FUNCTION racine_asset_search();

CREATE FUNCTION racine_glossary_search() RETURNS trigger AS $$
BEGIN
  NEW.search :=
    setweight(to_tsvector('simple', coalesce(NEW.name, '')), 'A') ||
    setweight(to_tsvector('simple', array_to_string(coalesce(NEW.synonyms, '{}'), ' ')), 'A') ||
    setweight(to_tsvector('simple', regexp_replace(array_to_string(coalesce(NEW.labels, '{}'), ' '), '[_.]+', ' ', 'g')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW.definition, '')), 'C');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "GlossaryTerm_search"
  BEFORE INSERT OR UPDATE OF name, synonyms, labels, definition ON "GlossaryTerm"
  FOR EACH ROW EXECUTE FUNCTION racine_glossary_search();

-- Backfill: labels nobody rejected, then every asset's search document.
UPDATE "Asset" a SET labels = l.labels
  FROM (SELECT "assetId", array_agg(DISTINCT label ORDER BY label) AS labels FROM "Classification" WHERE state <> 'rejected' GROUP BY "assetId") l
 WHERE a.id = l."assetId";
UPDATE "Asset" SET name = name;
