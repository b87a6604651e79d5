-- CreateEnum
CREATE TYPE "DataSourceEngine" AS ENUM ('postgres', 'mysql', 'sqlite');

-- CreateEnum
CREATE TYPE "Criticality" AS ENUM ('low', 'medium', 'high', 'critical');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "DriftChange" AS ENUM ('added', 'removed', 'changed');

-- CreateEnum
CREATE TYPE "AssetType" AS ENUM ('database', 'schema', 'table', 'view', 'column');

-- CreateEnum
CREATE TYPE "ClassificationState" AS ENUM ('suggested', 'accepted', 'rejected');

-- CreateTable
CREATE TABLE "DataSource" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "engine" "DataSourceEngine" NOT NULL,
    "host" TEXT,
    "port" INTEGER,
    "database" TEXT NOT NULL,
    "username" TEXT,
    "secret" TEXT,
    "options" JSONB NOT NULL DEFAULT '{}',
    "environment" "Environment" NOT NULL DEFAULT 'dev',
    "criticality" "Criticality" NOT NULL DEFAULT 'medium',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "ownerId" TEXT,
    "workspaceId" TEXT,
    "createdById" TEXT,
    "lastTestedAt" TIMESTAMP(3),
    "lastTestOk" BOOLEAN,
    "lastTestError" TEXT,
    "lastLatencyMs" DOUBLE PRECISION,
    "serverVersion" TEXT,
    "lastScanAt" TIMESTAMP(3),
    "lastScanStatus" "RunStatus",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DataSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScanRuleSet" (
    "id" TEXT NOT NULL,
    "key" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "builtIn" BOOLEAN NOT NULL DEFAULT false,
    "includeSchemas" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "excludeSchemas" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "includeTables" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "excludeTables" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "includeColumns" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "excludeColumns" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sampleSize" INTEGER NOT NULL DEFAULT 100,
    "sampleStrategy" TEXT NOT NULL DEFAULT 'random',
    "minNonNull" INTEGER NOT NULL DEFAULT 10,
    "detectors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "customRules" JSONB NOT NULL DEFAULT '[]',
    "autoAcceptThreshold" DOUBLE PRECISION,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScanRuleSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Scan" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "dataSourceId" TEXT NOT NULL,
    "ruleSetId" TEXT NOT NULL,
    "schedule" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "nextRunAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Scan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScanRun" (
    "id" TEXT NOT NULL,
    "scanId" TEXT NOT NULL,
    "dataSourceId" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'queued',
    "trigger" TEXT NOT NULL DEFAULT 'manual',
    "triggeredById" TEXT,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "tablesTotal" INTEGER NOT NULL DEFAULT 0,
    "tablesDone" INTEGER NOT NULL DEFAULT 0,
    "columnsScanned" INTEGER NOT NULL DEFAULT 0,
    "columnsClassified" INTEGER NOT NULL DEFAULT 0,
    "labelsSuggested" INTEGER NOT NULL DEFAULT 0,
    "labelsAutoAccepted" INTEGER NOT NULL DEFAULT 0,
    "driftAdded" INTEGER NOT NULL DEFAULT 0,
    "driftRemoved" INTEGER NOT NULL DEFAULT 0,
    "driftChanged" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "tableErrors" JSONB NOT NULL DEFAULT '[]',
    "timings" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "ScanRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScanRunChange" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "assetType" "AssetType" NOT NULL,
    "qualifiedName" TEXT NOT NULL,
    "change" "DriftChange" NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "ScanRunChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Asset" (
    "id" TEXT NOT NULL,
    "dataSourceId" TEXT NOT NULL,
    "type" "AssetType" NOT NULL,
    "parentId" TEXT,
    "qualifiedName" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "dataType" TEXT,
    "normalizedType" TEXT,
    "nullable" BOOLEAN,
    "defaultValue" TEXT,
    "comment" TEXT,
    "ordinal" INTEGER,
    "isPrimaryKey" BOOLEAN NOT NULL DEFAULT false,
    "rowCountEstimate" BIGINT,
    "sensitivity" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "lastScannedAt" TIMESTAMP(3),
    "lastRunId" TEXT,
    "removedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Asset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LineageEdge" (
    "id" TEXT NOT NULL,
    "fromAssetId" TEXT NOT NULL,
    "toAssetId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LineageEdge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Classification" (
    "id" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "state" "ClassificationState" NOT NULL DEFAULT 'suggested',
    "confidence" DOUBLE PRECISION NOT NULL,
    "sensitivity" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "detectorVersion" INTEGER,
    "autoAccepted" BOOLEAN NOT NULL DEFAULT false,
    "evidence" JSONB NOT NULL,
    "lastRunId" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Classification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DataSource_name_key" ON "DataSource"("name");

-- CreateIndex
CREATE INDEX "DataSource_workspaceId_idx" ON "DataSource"("workspaceId");

-- CreateIndex
CREATE INDEX "DataSource_environment_idx" ON "DataSource"("environment");

-- CreateIndex
CREATE UNIQUE INDEX "ScanRuleSet_key_key" ON "ScanRuleSet"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ScanRuleSet_name_key" ON "ScanRuleSet"("name");

-- CreateIndex
CREATE INDEX "Scan_dataSourceId_idx" ON "Scan"("dataSourceId");

-- CreateIndex
CREATE INDEX "Scan_enabled_nextRunAt_idx" ON "Scan"("enabled", "nextRunAt");

-- CreateIndex
CREATE INDEX "ScanRun_scanId_queuedAt_idx" ON "ScanRun"("scanId", "queuedAt");

-- CreateIndex
CREATE INDEX "ScanRun_dataSourceId_queuedAt_idx" ON "ScanRun"("dataSourceId", "queuedAt");

-- CreateIndex
CREATE INDEX "ScanRun_status_idx" ON "ScanRun"("status");

-- CreateIndex
CREATE INDEX "ScanRunChange_runId_idx" ON "ScanRunChange"("runId");

-- CreateIndex
CREATE INDEX "Asset_parentId_idx" ON "Asset"("parentId");

-- CreateIndex
CREATE INDEX "Asset_dataSourceId_type_idx" ON "Asset"("dataSourceId", "type");

-- CreateIndex
CREATE INDEX "Asset_sensitivity_idx" ON "Asset"("sensitivity");

-- CreateIndex
CREATE UNIQUE INDEX "Asset_dataSourceId_qualifiedName_key" ON "Asset"("dataSourceId", "qualifiedName");

-- CreateIndex
CREATE INDEX "LineageEdge_toAssetId_idx" ON "LineageEdge"("toAssetId");

-- CreateIndex
CREATE UNIQUE INDEX "LineageEdge_fromAssetId_toAssetId_kind_key" ON "LineageEdge"("fromAssetId", "toAssetId", "kind");

-- CreateIndex
CREATE INDEX "Classification_label_state_idx" ON "Classification"("label", "state");

-- CreateIndex
CREATE INDEX "Classification_state_confidence_idx" ON "Classification"("state", "confidence");

-- CreateIndex
CREATE UNIQUE INDEX "Classification_assetId_label_key" ON "Classification"("assetId", "label");

-- AddForeignKey
ALTER TABLE "DataSource" ADD CONSTRAINT "DataSource_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataSource" ADD CONSTRAINT "DataSource_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scan" ADD CONSTRAINT "Scan_dataSourceId_fkey" FOREIGN KEY ("dataSourceId") REFERENCES "DataSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scan" ADD CONSTRAINT "Scan_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "ScanRuleSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScanRun" ADD CONSTRAINT "ScanRun_scanId_fkey" FOREIGN KEY ("scanId") REFERENCES "Scan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScanRun" ADD CONSTRAINT "ScanRun_dataSourceId_fkey" FOREIGN KEY ("dataSourceId") REFERENCES "DataSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScanRunChange" ADD CONSTRAINT "ScanRunChange_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ScanRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_dataSourceId_fkey" FOREIGN KEY ("dataSourceId") REFERENCES "DataSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineageEdge" ADD CONSTRAINT "LineageEdge_fromAssetId_fkey" FOREIGN KEY ("fromAssetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineageEdge" ADD CONSTRAINT "LineageEdge_toAssetId_fkey" FOREIGN KEY ("toAssetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Classification" ADD CONSTRAINT "Classification_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Classification" ADD CONSTRAINT "Classification_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

