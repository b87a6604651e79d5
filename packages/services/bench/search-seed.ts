/**
 * Seeds a realistic catalog for the search benchmark: SOURCES sources, each a
 * database → schemas → tables → columns, names from a warehouse vocabulary,
 * labels on the columns whose names say what they hold (through real
 * Classification rows and the real recomputeSensitivity), tags, descriptions,
 * certifications, stewards, and glossary terms. Bulk inserts only.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '@racine/db';
import { bulkInsert } from '@racine/db/bulk';
import { recomputeSensitivity } from '../src/scan/sensitivity';

const ENTITIES = ['customer', 'order', 'payment', 'invoice', 'product', 'shipment', 'employee', 'account', 'session', 'event', 'subscription', 'refund', 'supplier', 'warehouse', 'campaign', 'ticket', 'patient', 'claim', 'transaction', 'address'];
const PREFIXES = ['', '', 'dim_', 'fact_', 'stg_', 'raw_', 'int_'];
const SUFFIXES = ['', '', 's', '_history', '_daily', '_items', '_snapshot', '_v2', '_archive', '_events'];
const SCHEMAS = ['public', 'analytics', 'staging', 'finance', 'crm'];

/** Column name → label it carries (the detectors' typical outcome), or none. */
const COLUMNS: [string, string | null][] = [
  ['id', null], ['created_at', null], ['updated_at', null], ['status', null], ['amount', null], ['currency', null], ['quantity', null], ['price', null], ['sku', null], ['notes', null],
  ['description', null], ['country', null], ['city', null], ['source_system', null], ['is_active', null], ['version', null], ['external_ref', null], ['category', null],
  ['email', 'PII.Email'], ['customer_email', 'PII.Email'], ['first_name', 'PII.PersonName'], ['last_name', 'PII.PersonName'], ['full_name', 'PII.PersonName'], ['phone', 'PII.Phone'],
  ['postal_code', 'PII.PostalCode'], ['street_address', 'PII.Address'], ['date_of_birth', 'PII.DateOfBirth'], ['ssn', 'PII.NationalId'], ['national_id', 'PII.NationalId'],
  ['ip_address', 'PII.IPAddress'], ['card_number', 'PCI.CardNumber'], ['card_expiry', 'PCI.CardExpiry'], ['iban', 'Financial.IBAN'], ['tax_id', 'Financial.TaxId'],
  ['diagnosis_code', 'PHI.Diagnosis'], ['api_key', 'Secret.ApiKey'], ['password_hash', 'Secret.Password'],
];
const SENSITIVITY: Record<string, string> = {
  'PII.Email': 'Confidential', 'PII.PersonName': 'Confidential', 'PII.Phone': 'Confidential', 'PII.PostalCode': 'Internal', 'PII.Address': 'Confidential', 'PII.DateOfBirth': 'Confidential',
  'PII.NationalId': 'Restricted', 'PII.IPAddress': 'Confidential', 'PCI.CardNumber': 'Restricted', 'PCI.CardExpiry': 'Confidential', 'Financial.IBAN': 'Confidential', 'Financial.TaxId': 'Confidential',
  'PHI.Diagnosis': 'Restricted', 'Secret.ApiKey': 'Restricted', 'Secret.Password': 'Restricted',
};
const TAGS = ['gold', 'masked', 'tokenized', 'retention:7y', 'retention:90d', 'gdpr', 'pci', 'deprecated-soon', 'finance', 'marketing', 'core'];
const DESCRIPTIONS = [
  'One row per customer, deduplicated nightly from the CRM export.',
  'Orders as placed in the shop, including cancelled ones.',
  'Card payments captured by the payment processor; card numbers are tokenized upstream.',
  'Invoices sent to business customers, with their tax identifiers.',
  'Web sessions from the tracking pipeline, IP addresses truncated after 30 days.',
  'Claims submitted by patients, joined with diagnosis codes.',
  'Daily snapshot used by the finance team for revenue reporting.',
];

/** Deterministic randomness, so every run seeds the same catalog. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, pick };
}

const ASSET_COLUMNS = [
  { name: 'id', type: 'text' },
  { name: 'dataSourceId', type: 'text' },
  { name: 'type', type: '"AssetType"' },
  { name: 'parentId', type: 'text' },
  { name: 'qualifiedName', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'dataType', type: 'text' },
  { name: 'ordinal', type: 'int' },
  { name: 'description', type: 'text' },
  { name: 'certification', type: '"Certification"' },
  { name: 'updatedAt', type: 'timestamp' },
] as const;

export interface SeededCatalog {
  sourceIds: string[];
  assets: number;
}

export async function seedCatalog(db: Db, options: { sources: number; assets: number; workspaceIds: string[]; stewardIds: string[] }): Promise<SeededCatalog> {
  const r = rng(42);
  const perSource = Math.ceil(options.assets / options.sources);
  const sourceIds: string[] = [];
  let total = 0;
  const now = new Date();
  for (let s = 0; s < options.sources; s++) {
    const sourceId = randomUUID();
    sourceIds.push(sourceId);
    await db.dataSource.create({
      data: { id: sourceId, name: `${r.pick(['warehouse', 'shop', 'crm', 'billing', 'claims', 'events'])}-${s}`, description: `Source ${s}: ${r.pick(DESCRIPTIONS)}`, engine: 'postgres', host: 'db.internal', database: `db${s}`, environment: (['prod', 'staging', 'dev'] as const)[s % 3]!, workspaceId: options.workspaceIds[s % options.workspaceIds.length]!, tags: s % 2 ? ['core'] : [] },
    });
    const rows: unknown[][] = [];
    const labels: unknown[][] = [];
    const tagged = new Map<string, string[]>();
    const stewards: unknown[][] = [];
    const dbId = randomUUID();
    rows.push([dbId, sourceId, 'database', null, `db${s}`, `db${s}`, null, null, '', 'draft', now]);
    const schemaIds = SCHEMAS.map((name) => {
      const id = randomUUID();
      rows.push([id, sourceId, 'schema', dbId, `db${s}.${name}`, name, null, null, '', 'draft', now]);
      return { id, name };
    });
    const seen = new Set<string>();
    while (rows.length < perSource && total + rows.length < options.assets) {
      const schema = r.pick(schemaIds);
      const tableName = `${r.pick(PREFIXES)}${r.pick(ENTITIES)}${r.pick(SUFFIXES)}`;
      let qualified = `db${s}.${schema.name}.${tableName}`;
      if (seen.has(qualified)) qualified = `${qualified}_${seen.size}`;
      seen.add(qualified);
      const tableId = randomUUID();
      const certification = r.next() < 0.1 ? 'certified' : r.next() < 0.05 ? 'deprecated' : 'draft';
      rows.push([tableId, sourceId, r.next() < 0.1 ? 'view' : 'table', schema.id, qualified, qualified.split('.').pop(), null, null, r.next() < 0.3 ? r.pick(DESCRIPTIONS) : '', certification, now]);
      if (r.next() < 0.15) tagged.set(tableId, [...new Set([r.pick(TAGS), r.pick(TAGS)])]);
      if (r.next() < 0.1) stewards.push([randomUUID(), tableId, r.next() < 0.5 ? 'owner' : 'steward', 'user', r.pick(options.stewardIds)]);
      const columnCount = 6 + Math.floor(r.next() * 14);
      const used = new Set<string>();
      for (let c = 0; c < columnCount; c++) {
        const [name, label] = r.pick(COLUMNS);
        if (used.has(name)) continue;
        used.add(name);
        const columnId = randomUUID();
        rows.push([columnId, sourceId, 'column', tableId, `${qualified}.${name}`, name, 'text', c, '', 'draft', now]);
        if (label && r.next() < 0.85) labels.push([randomUUID(), columnId, label, r.next() < 0.5 ? 'accepted' : 'suggested', 0.7 + r.next() * 0.3, SENSITIVITY[label]!, 'detector', '{}', now]);
      }
    }
    await bulkInsert(db, 'Asset', ASSET_COLUMNS, rows);
    await bulkInsert(
      db,
      'Classification',
      [
        { name: 'id', type: 'text' },
        { name: 'assetId', type: 'text' },
        { name: 'label', type: 'text' },
        { name: 'state', type: '"ClassificationState"' },
        { name: 'confidence', type: 'float8' },
        { name: 'sensitivity', type: 'text' },
        { name: 'source', type: 'text' },
        { name: 'evidence', type: 'jsonb' },
        { name: 'updatedAt', type: 'timestamp' },
      ],
      labels,
    );
    await bulkInsert(db, 'AssetSteward', [{ name: 'id', type: 'text' }, { name: 'assetId', type: 'text' }, { name: 'role', type: '"StewardRole"' }, { name: 'principalType', type: '"PrincipalType"' }, { name: 'principalId', type: 'text' }], stewards);
    // Tags are arrays, which unnest cannot carry row by row: one update per tag set instead.
    const byTags = new Map<string, string[]>();
    for (const [id, tags] of tagged) byTags.set(JSON.stringify(tags.sort()), [...(byTags.get(JSON.stringify(tags.sort())) ?? []), id]);
    for (const [tags, ids] of byTags) await db.$executeRawUnsafe(`UPDATE "Asset" SET tags = $1::text[] WHERE id = ANY($2::text[])`, JSON.parse(tags) as string[], ids);
    // The real pass that keeps sensitivity and labels (and so the search documents) in step.
    await recomputeSensitivity(db, sourceId);
    total += rows.length;
  }
  const terms = ENTITIES.flatMap((e) => [`${e}`, `${e} identifier`, `${e} contact`]).map((name) => [randomUUID(), name, `Business meaning of ${name}.`, 'approved', now]);
  await bulkInsert(db, 'GlossaryTerm', [{ name: 'id', type: 'text' }, { name: 'name', type: 'text' }, { name: 'definition', type: 'text' }, { name: 'status', type: '"TermStatus"' }, { name: 'updatedAt', type: 'timestamp' }], terms);
  await db.$executeRawUnsafe(`UPDATE "GlossaryTerm" SET labels = '{PII.Email}' WHERE name LIKE '% contact'`);
  // The state autovacuum reaches within a minute of a bulk load (its insert threshold is 1,000 + 20% of the rows):
  // statistics, and the GIN indexes' pending lists merged. Searched right after the load, every query also
  // scans those pending lists — "customer"'s bitmap index scan took 12 ms instead of 2 (README).
  await db.$executeRawUnsafe('VACUUM ANALYZE');
  return { sourceIds, assets: total };
}
