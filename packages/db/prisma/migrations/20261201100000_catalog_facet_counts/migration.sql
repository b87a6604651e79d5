-- CreateTable
CREATE TABLE "CatalogFacetCount" (
    "key" TEXT NOT NULL,
    "dataSourceId" TEXT NOT NULL,
    "type" "AssetType" NOT NULL,
    "sensitivity" TEXT,
    "certification" "Certification" NOT NULL,
    "labels" TEXT[],
    "tags" TEXT[],
    "n" INTEGER NOT NULL,

    CONSTRAINT "CatalogFacetCount_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "CatalogFacetCount_dataSourceId_idx" ON "CatalogFacetCount"("dataSourceId");

-- Browse facets (catalog search with no query) count this table instead of
-- every asset: one row per combination of facet values among live assets.
-- Statement-level triggers with transition tables apply one aggregated delta
-- per statement, so a scan's bulk insert/update costs one grouped upsert, not
-- one per row; updates that change no facet column cancel out (+1 −1) and
-- write nothing. Rows are upserted in key order so concurrent writers to the
-- same source lock them in the same order.
CREATE FUNCTION racine_catalog_facet_key(ds TEXT, t "AssetType", sens TEXT, cert "Certification", labels TEXT[], tags TEXT[]) RETURNS TEXT
  LANGUAGE sql IMMUTABLE AS $$ SELECT md5(concat_ws(E'\x1f', ds, t::text, coalesce(sens, E'\x1e'), cert::text, labels::text, tags::text)) $$;

CREATE FUNCTION racine_catalog_facet_counts() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "CatalogFacetCount" AS c ("key", "dataSourceId", "type", "sensitivity", "certification", "labels", "tags", "n")
      SELECT racine_catalog_facet_key(ds, t, sens, cert, labels, tags), ds, t, sens, cert, labels, tags, d
        FROM (SELECT "dataSourceId" AS ds, "type" AS t, "sensitivity" AS sens, "certification" AS cert, "labels", "tags", count(*)::int AS d
                FROM new_rows WHERE "removedAt" IS NULL GROUP BY 1, 2, 3, 4, 5, 6) x
       ORDER BY 1
    ON CONFLICT ("key") DO UPDATE SET "n" = c."n" + EXCLUDED."n";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "CatalogFacetCount" AS c ("key", "dataSourceId", "type", "sensitivity", "certification", "labels", "tags", "n")
      SELECT racine_catalog_facet_key(ds, t, sens, cert, labels, tags), ds, t, sens, cert, labels, tags, d
        FROM (SELECT "dataSourceId" AS ds, "type" AS t, "sensitivity" AS sens, "certification" AS cert, "labels", "tags", -count(*)::int AS d
                FROM old_rows WHERE "removedAt" IS NULL GROUP BY 1, 2, 3, 4, 5, 6) x
       ORDER BY 1
    ON CONFLICT ("key") DO UPDATE SET "n" = c."n" + EXCLUDED."n";
  ELSE
    INSERT INTO "CatalogFacetCount" AS c ("key", "dataSourceId", "type", "sensitivity", "certification", "labels", "tags", "n")
      SELECT racine_catalog_facet_key(ds, t, sens, cert, labels, tags), ds, t, sens, cert, labels, tags, d
        FROM (SELECT ds, t, sens, cert, labels, tags, sum(d)::int AS d
                FROM (SELECT "dataSourceId" AS ds, "type" AS t, "sensitivity" AS sens, "certification" AS cert, "labels", "tags", 1 AS d FROM new_rows WHERE "removedAt" IS NULL
                      UNION ALL
                      SELECT "dataSourceId", "type", "sensitivity", "certification", "labels", "tags", -1 FROM old_rows WHERE "removedAt" IS NULL) u
               GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d) <> 0) x
       ORDER BY 1
    ON CONFLICT ("key") DO UPDATE SET "n" = c."n" + EXCLUDED."n";
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION racine_catalog_facet_counts_truncate() RETURNS trigger AS $$
BEGIN
  DELETE FROM "CatalogFacetCount";
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER asset_facet_counts_insert AFTER INSERT ON "Asset"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION racine_catalog_facet_counts();
-- (A column list, UPDATE OF …, cannot be combined with transition tables: an
-- update that changes no facet column is aggregated and cancels out.)
CREATE TRIGGER asset_facet_counts_update AFTER UPDATE ON "Asset"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION racine_catalog_facet_counts();
CREATE TRIGGER asset_facet_counts_delete AFTER DELETE ON "Asset"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION racine_catalog_facet_counts();
CREATE TRIGGER asset_facet_counts_truncate AFTER TRUNCATE ON "Asset"
  FOR EACH STATEMENT EXECUTE FUNCTION racine_catalog_facet_counts_truncate();

-- Counts for the assets already there.
INSERT INTO "CatalogFacetCount" ("key", "dataSourceId", "type", "sensitivity", "certification", "labels", "tags", "n")
  SELECT racine_catalog_facet_key("dataSourceId", "type", "sensitivity", "certification", "labels", "tags"), "dataSourceId", "type", "sensitivity", "certification", "labels", "tags", count(*)::int
    FROM "Asset" WHERE "removedAt" IS NULL
   GROUP BY "dataSourceId", "type", "sensitivity", "certification", "labels", "tags";

-- The browse page order (most sensitive first, then name byte-wise), so a
-- browse reads its page from the index instead of sorting every asset.
CREATE INDEX "Asset_browse_order_idx" ON "Asset" (
  (CASE "sensitivity" WHEN 'Restricted' THEN 4 WHEN 'Confidential' THEN 3 WHEN 'Internal' THEN 2 WHEN 'Public' THEN 1 ELSE 0 END) DESC,
  ("name" COLLATE "C"), "id") WHERE "removedAt" IS NULL;
