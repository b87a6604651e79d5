/**
 * What the search statement and the browse statement share: the facet
 * filters (one boolean per facet, so a facet's counts can leave its own
 * filter out), and the statement's tail that turns a candidate set into the
 * total, every facet's counts and the page's hits as JSON. Pure: user input
 * only ever travels as parameters.
 */
import type { SearchCatalogInput } from './schemas';

/** Facets with open-ended values (labels, tags, owners, sources) show their most frequent ones. */
export const FACET_SIZE = 50;
/** How much of a hit's description the statement returns: enough for a snippet around the first match. */
export const DESCRIPTION_SOURCE_CHARS = 4000;

export type Facet = 'type' | 'ds' | 'label' | 'sens' | 'owner' | 'tag' | 'env' | 'cert';
export const FACETS: Facet[] = ['type', 'ds', 'label', 'sens', 'owner', 'tag', 'env', 'cert'];
const facetName: Record<Facet, string> = { type: 'types', ds: 'dataSources', label: 'labels', sens: 'sensitivities', owner: 'owners', tag: 'tags', env: 'environments', cert: 'certifications' };
/** Facets with one value per row (named as the candidate column): counted in one GROUPING SETS pass. */
const SCALAR: Facet[] = ['type', 'ds', 'sens', 'env', 'cert'];

/** Pushes a parameter, returns its placeholder. */
export type Param = (value: unknown, cast?: string) => string;

export function paramList(): { params: unknown[]; p: Param } {
  const params: unknown[] = [];
  return {
    params,
    p: (value, cast = '') => {
      params.push(value);
      return `$${params.length}${cast}`;
    },
  };
}

/** Where a row's facet values are: a column expression per facet (id: the asset id, for owners). */
export type FacetColumns = Record<Exclude<Facet, 'owner'> | 'id', string>;
/** The candidate set's own columns (see the CTEs built by search-sql.ts and search-browse-sql.ts). */
export const candColumns = (t: string): FacetColumns => ({ id: `${t}.id`, type: `${t}.type`, ds: `${t}.ds`, label: `${t}.labels`, sens: `${t}.sens`, tag: `${t}.tags`, env: `${t}.env`, cert: `${t}.cert` });
/** The same values read straight from "Asset" a joined to its "DataSource" src. */
export const assetColumns: FacetColumns = { id: 'a.id', type: 'a.type::text', ds: 'a."dataSourceId"', label: 'a.labels', sens: 'a.sensitivity', tag: 'a.tags', env: 'src.environment::text', cert: 'a.certification::text' };

/**
 * The facet filters, each parameter pushed once; `on(columns)` gives the
 * boolean per facet over any row shape ('TRUE' when that facet is not filtered).
 */
export function facetFilters(input: SearchCatalogInput, labels: string[] | null, p: Param) {
  const arr = (values: readonly string[] | undefined | null) => (values?.length ? p(values, '::text[]') : null);
  const types = arr(input.types);
  const ds = arr(input.dataSourceIds);
  const labelsP = arr(labels);
  const sens = arr(input.sensitivities);
  const owners = arr(input.ownerIds);
  const tags = arr(input.tags?.map((t) => t.toLowerCase()));
  const envs = arr(input.environments);
  const certs = arr(input.certifications);
  const on = (c: FacetColumns): Record<Facet, string> => ({
    type: types ? `${c.type} = ANY(${types})` : 'TRUE',
    ds: ds ? `${c.ds} = ANY(${ds})` : 'TRUE',
    label: labelsP ? `${c.label} && ${labelsP}` : 'TRUE',
    sens: sens ? `${c.sens} = ANY(${sens})` : 'TRUE',
    owner: owners ? `${c.id} IN (SELECT "assetId" FROM stewards WHERE "principalId" = ANY(${owners}))` : 'TRUE',
    tag: tags ? `${c.tag} && ${tags}` : 'TRUE',
    env: envs ? `${c.env} = ANY(${envs})` : 'TRUE',
    cert: certs ? `${c.cert} = ANY(${certs})` : 'TRUE',
  });
  const filtered = { type: types, ds, label: labelsP, sens, owner: owners, tag: tags, env: envs, cert: certs };
  /** The facets with a filter: only their flags cost anything per row. */
  const active = FACETS.filter((f) => filtered[f] !== null);
  return { on, active, filtersOwners: owners !== null };
}

/** The flags as columns of a candidate row (f_type, f_ds, …). */
export const flagColumns = (flags: Record<Facet, string>) => FACETS.map((f) => `${flags[f]} AS f_${f}`).join(', ');
/**
 * Every active flag but one (a facet's counts ignore their own filter), or all
 * of them; 'TRUE' when none is left. Unfiltered facets' flags are constant
 * TRUE: leaving them out spares each aggregate evaluating them for every row.
 */
export const allBut = (active: readonly Facet[], skip: Facet | null, t = '') => active.filter((f) => f !== skip).map((f) => `${t}f_${f}`).join(' AND ') || 'TRUE';

export interface TailOptions {
  /** The candidate CTE: id, kind, type, ds, sens, labels, tags, cert, env, name and the f_* flags. */
  cand: string;
  /** How much one candidate row counts for: `count(*)`-like '1', or a column holding a row's multiplicity. */
  weight: string;
  /** The facets with a filter (facetFilters().active). */
  active: readonly Facet[];
  /** The page CTE: id, kind, type, sens, name, score, in no particular order. */
  page: string;
  /** ORDER BY of the page over alias t. */
  order: (t: string) => string;
  /** The owners facet: rows of (v: user id, n: count). */
  ownersSql: string;
}

/** `grouped` (the scalar facets in one GROUPING SETS pass) and the final SELECT: total, page, every facet. */
export function facetsAndPage({ cand, weight, active, page, order, ownersSql }: TailOptions): { ctes: string; select: string } {
  const cols: string[] = SCALAR;
  const tally = (filter: string) => {
    const where = filter === 'TRUE' ? '' : ` FILTER (WHERE ${filter})`;
    return weight === '1' ? `count(*)${where}::int` : `coalesce(sum(${weight})${where}, 0)::int`;
  };
  const everySet = (1 << SCALAR.length) - 1;
  const ctes = `grouped AS (
  SELECT ${cols.join(', ')}, GROUPING(${cols.join(', ')}) AS g,
         ${tally(allBut(active, null))} AS n_all,
         ${SCALAR.map((f) => `${tally(allBut(active, f))} AS n_${f}`).join(',\n         ')}
    FROM ${cand} GROUP BY GROUPING SETS (${cols.map((c) => `(${c})`).join(', ')}, ()))`;
  const scalarFacet = (f: Facet, i: number) => {
    const c = cols[i]!;
    const label = f === 'ds' ? `, 'label', (SELECT name FROM "DataSource" WHERE id = ${c})` : '';
    return `(SELECT coalesce(json_agg(json_build_object('value', ${c}, 'count', n_${f}${label}) ORDER BY n_${f} DESC, ${c}), '[]'::json)
      FROM (SELECT ${c}, n_${f} FROM grouped WHERE g = ${everySet ^ (1 << (SCALAR.length - 1 - i))} AND ${c} IS NOT NULL AND n_${f} > 0 ORDER BY n_${f} DESC, ${c} LIMIT ${FACET_SIZE}) f) AS "${facetName[f]}"`;
  };
  const arrayFacet = (facet: Facet, column: string) =>
    `(SELECT coalesce(json_agg(json_build_object('value', v, 'count', n) ORDER BY n DESC, v), '[]'::json)
        FROM (SELECT v, ${weight === '1' ? 'count(*)' : `sum(w)`}::int AS n
                FROM (SELECT unnest(h.${column}) AS v, ${weight === '1' ? '1' : `h.${weight}`} AS w FROM ${cand} h WHERE ${allBut(active, facet, 'h.')} AND cardinality(h.${column}) > 0) u
               GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${FACET_SIZE}) f)`;
  const select = `SELECT
  (SELECT n_all FROM grouped WHERE g = ${everySet}) AS total,
  (SELECT coalesce(json_agg(json_build_object(
            'id', pg.id, 'kind', pg.kind, 'type', pg.type, 'score', pg.score, 'name', pg.name,
            'qualifiedName', coalesce(a."qualifiedName", ps.name, t.name), 'synonyms', t.synonyms,
            'sensitivity', a.sensitivity, 'labels', coalesce(a.labels, t.labels, '{}'), 'tags', coalesce(a.tags, ps.tags, '{}'),
            'certification', a.certification,
            'description', left(coalesce(nullif(a.description, ''), a.comment, CASE WHEN pg.kind = 'source' THEN ps.description END, t.definition, ''), ${DESCRIPTION_SOURCE_CHARS}),
            'dataSource', CASE WHEN ps.id IS NOT NULL THEN json_build_object('id', ps.id, 'name', ps.name, 'environment', ps.environment) END
          ) ORDER BY ${order('pg')}), '[]'::json)
     FROM ${page} pg
     LEFT JOIN "Asset" a ON pg.kind = 'asset' AND a.id = pg.id
     LEFT JOIN "GlossaryTerm" t ON pg.kind = 'term' AND t.id = pg.id
     LEFT JOIN "DataSource" ps ON ps.id = CASE pg.kind WHEN 'asset' THEN a."dataSourceId" WHEN 'source' THEN pg.id END) AS page,
  ${SCALAR.map(scalarFacet).join(',\n  ')},
  ${arrayFacet('label', 'labels')} AS labels,
  ${arrayFacet('tag', 'tags')} AS tags,
  (SELECT coalesce(json_agg(json_build_object('value', v, 'count', n, 'label', (SELECT name FROM "User" WHERE id = v)) ORDER BY n DESC, v), '[]'::json)
     FROM (${ownersSql} ORDER BY 2 DESC, 1 LIMIT ${FACET_SIZE}) f) AS owners`;
  return { ctes, select };
}

/** Browsing lists the most sensitive first (the expression "Asset_browse_order_idx" is built on, over "Asset"). */
export const sensitivityRank = (column: string) => `CASE ${column} WHEN 'Restricted' THEN 4 WHEN 'Confidential' THEN 3 WHEN 'Internal' THEN 2 WHEN 'Public' THEN 1 ELSE 0 END`;
