-- The search document is rebuilt only when one of its inputs changes. The old trigger fired on every
-- UPDATE naming name/qualifiedName/description/comment/tags/labels, even when the value was the same
-- (a rescan re-setting a column's labels, the sensitivity pass rewriting every asset's labels), and
-- each firing costs four to_tsvector calls. An UPDATE trigger may test OLD/NEW in WHEN; an INSERT
-- trigger may not, so insert and update get one trigger each, running the same function.
DROP TRIGGER IF EXISTS "Asset_search" ON "Asset";

CREATE TRIGGER "Asset_search"
  BEFORE INSERT ON "Asset"
  FOR EACH ROW EXECUTE FUNCTION racine_asset_search();

CREATE TRIGGER "Asset_search_update"
  BEFORE UPDATE OF name, "qualifiedName", description, comment, tags, labels ON "Asset"
  FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name
     OR OLD."qualifiedName" IS DISTINCT FROM NEW."qualifiedName"
     OR OLD.description IS DISTINCT FROM NEW.description
     OR OLD.comment IS DISTINCT FROM NEW.comment
     OR OLD.tags IS DISTINCT FROM NEW.tags
     OR OLD.labels IS DISTINCT FROM NEW.labels)
  EXECUTE FUNCTION racine_asset_search();
