/**
 * The migrations this build expects to find applied, newest last. A test keeps
 * this list equal to prisma/migrations, so the health check can tell a
 * database that is behind the code without reading the folder at run time.
 */
export const expectedMigrations = ['20261125000000_init', '20261126000000_scanning', '20261126010000_activity_append_function', '20261201000000_catalog_compliance', '20261201090000_asset_search_trigger_skip_unchanged', '20261201100000_catalog_facet_counts', '20261201120000_workflows_pipelines', '20261201140000_collaboration_users', '20261201160000_dashboards_insights_assistant', '20261201180000_asset_type_index', '20261201200000_ai_message_links'] as const;
export const latestExpectedMigration = expectedMigrations[expectedMigrations.length - 1]!;
