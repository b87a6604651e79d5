
-- CreateIndex
CREATE INDEX "Asset_type_idx" ON "Asset"("type");

