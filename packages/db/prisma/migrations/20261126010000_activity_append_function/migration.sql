-- Appends one activity row in a single statement, so the advisory lock that
-- orders the log is held for the shortest possible time (no client round
-- trips while it is held). The caller computes the row's content hash; the
-- link hash chains it to its predecessor:
--   hash = sha256(prevHash || ':' || id || ':' || contentHash)
-- Each statement in a PL/pgSQL function takes a fresh snapshot under READ
-- COMMITTED, so the head is read after the lock is granted.
CREATE FUNCTION racine_append_activity(
  p_occurred_at timestamp(3),
  p_type text,
  p_category text,
  p_source_group text,
  p_target_group text,
  p_action text,
  p_resource_type text,
  p_resource_id text,
  p_actor_id text,
  p_actor_type "ActorType",
  p_workspace_id text,
  p_status "ActivityStatus",
  p_duration_ms integer,
  p_details jsonb,
  p_before jsonb,
  p_after jsonb,
  p_compliance_relevant boolean,
  p_content_hash text,
  p_search_text text
) RETURNS bigint AS $$
DECLARE
  v_prev text;
  v_id bigint;
  v_actor text;
BEGIN
  PERFORM pg_advisory_xact_lock(1380139849);
  SELECT hash INTO v_prev FROM "ActivityEvent" ORDER BY id DESC LIMIT 1;
  v_prev := coalesce(v_prev, repeat('0', 64));
  v_id := nextval(pg_get_serial_sequence('"ActivityEvent"', 'id'));
  IF p_actor_id IS NOT NULL THEN
    SELECT name || ' ' || email INTO v_actor FROM "User" WHERE id = p_actor_id;
  END IF;
  INSERT INTO "ActivityEvent" (id, "occurredAt", type, category, "sourceGroup", "targetGroup", action,
    "resourceType", "resourceId", "actorId", "actorType", "workspaceId", status, "durationMs",
    details, before, after, "complianceRelevant", "prevHash", hash, search)
  VALUES (v_id, p_occurred_at, p_type, p_category, p_source_group, p_target_group, p_action,
    p_resource_type, p_resource_id, p_actor_id, p_actor_type, p_workspace_id, p_status, p_duration_ms,
    p_details, p_before, p_after, p_compliance_relevant, v_prev,
    encode(sha256(convert_to(v_prev || ':' || v_id::text || ':' || p_content_hash, 'UTF8')), 'hex'),
    to_tsvector('simple', p_search_text || ' ' || coalesce(v_actor, '')));
  RETURN v_id;
END;
$$ LANGUAGE plpgsql;
