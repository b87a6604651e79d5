/**
 * Classification engine benchmark and equivalence check, without a database.
 *
 * Builds a deterministic corpus — SEEDS differently-seeded 100-row samples of
 * the full-scan bench's 20 columns (values typed as `pg` returns them), four
 * mixed columns per sample (half one thing, half another: the partial-match
 * and early-exit paths), and every column of the demo data set — and runs
 * `classifyColumn` over it with the options a scan with the `all` rule set
 * uses. Prints one JSON object: CPU µs per column (best of REPEATS), the CPU
 * time of each detector run alone, and whether the suggestions (labels, confidences,
 * auto-accept, full evidence) equal the committed snapshot
 * (bench/classify-snapshot.json). A performance change must leave `snapshot.equal`
 * true; `--write` records a new snapshot after an intended behaviour change.
 *
 *   npx tsx bench/classify.ts            # check + timings
 *   npx tsx bench/classify.ts --write    # re-record the snapshot
 *
 * Env (also as RACINE_BENCH_*): BENCH_CLASSIFY_SEEDS (default 200),
 * BENCH_CLASSIFY_REPEATS (default 3), BENCH_CLASSIFY_DETECTORS=0 skips the per-detector timings.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { normalizeDataType, type ColumnInput } from '../src/classification/column';
import { builtInDetectors } from '../src/classification/detectors/index';
import { classifyColumn, type ClassifyOptions } from '../src/classification/engine';
import { buildDemoData, DEMO_SCHEMA, DEMO_TABLES } from '../src/demo-source/index';
import { benchEnv, log, round } from './bench-db';
import { BENCH_COLUMNS, BENCH_REFERENCE_DATE, benchRows } from './scan-data';

const SEEDS = Number(benchEnv('CLASSIFY_SEEDS') ?? 200);
const REPEATS = Number(benchEnv('CLASSIFY_REPEATS') ?? 3);
const PER_DETECTOR = benchEnv('CLASSIFY_DETECTORS') !== '0';
const SNAPSHOT = new URL('./classify-snapshot.json', import.meta.url);
/** A fixed "now", so age checks (dates of birth) do not drift with the calendar. */
const NOW = BENCH_REFERENCE_DATE.getTime();
/** The options a scan with the built-in `all` rule set passes (no reviewer feedback yet). */
const OPTIONS: ClassifyOptions = { minNonNull: 10, precision: {}, now: NOW };

interface CorpusColumn {
  key: string;
  column: ColumnInput;
  values: unknown[];
}

/** What node-postgres returns for the bench's types: dates as Date, numeric and bigint as strings. */
function asDriverValue(value: unknown, type: string): unknown {
  if (type === 'date' || type === 'timestamptz') return new Date(value as string);
  if (type.startsWith('numeric') || type === 'bigint') return String(value);
  return value;
}

const MIXES: [string, string][] = [
  ['phone', 'ssn'],
  ['email', 'notes'],
  ['ip_address', 'postal_code'],
  ['first_name', 'city'],
];

function corpus(): CorpusColumn[] {
  const out: CorpusColumn[] = [];
  const col = (table: string, name: string, dataType: string, comment?: string): ColumnInput => ({
    name,
    dataType,
    normalizedType: normalizeDataType(dataType, 'postgres'),
    nullable: true,
    comment,
    table,
    schema: 'public',
  });
  for (let seed = 1; seed <= SEEDS; seed++) {
    const rows = benchRows(100, seed);
    const table = `t${seed}`;
    const byName = new Map<string, unknown[]>();
    BENCH_COLUMNS.forEach(([name, rawType], i) => {
      const type = rawType.replace(' PRIMARY KEY', '');
      const values = rows.map((r) => asDriverValue(r[i], type));
      byName.set(name, values);
      out.push({ key: `${table}.${name}`, column: col(table, name, type), values });
    });
    for (const [a, b] of MIXES) {
      const va = byName.get(a)!;
      const vb = byName.get(b)!;
      out.push({ key: `${table}.${a}_or_${b}`, column: col(table, `${a}_or_${b}`, 'text'), values: va.map((v, i) => (i % 2 ? vb[i] : v)) });
    }
  }
  const demo = buildDemoData({ seed: 42, people: 200 });
  for (const table of DEMO_TABLES)
    for (const c of DEMO_SCHEMA[table].columns) {
      const values = (demo[table] as unknown as Record<string, unknown>[]).map((r) => r[c.name]);
      out.push({ key: `demo.${table}.${c.name}`, column: col(table, c.name, c.pg, c.comment), values });
    }
  return out;
}

function classifyAll(columns: CorpusColumn[], options: ClassifyOptions) {
  return columns.map((c) => classifyColumn(c.column, { values: c.values }, options));
}

/** Best of `repeats` runs, by this thread's CPU time (steadier than wall time when others load the machine), with its wall time. */
function timeBest(fn: () => void, repeats: number): { cpuMs: number; wallMs: number } {
  let best = { cpuMs: Number.POSITIVE_INFINITY, wallMs: Number.POSITIVE_INFINITY };
  for (let r = 0; r < repeats; r++) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    fn();
    const wallMs = performance.now() - t;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    if (cpuMs < best.cpuMs) best = { cpuMs, wallMs };
  }
  return best;
}

log(`classify bench: building ${SEEDS} seeded samples + the demo data set…`);
const columns = corpus();
classifyAll(columns, OPTIONS); // warm-up: JIT, dictionaries, libphonenumber metadata
const total = timeBest(() => classifyAll(columns, OPTIONS), REPEATS);

const results = classifyAll(columns, OPTIONS);
const lines = results.map((suggestions, i) => `${columns[i]!.key}: ${suggestions.map((s) => `${s.label} ${s.confidence}${s.autoAccept ? ' auto' : ''}`).join(', ')}`);
const sha256 = createHash('sha256').update(JSON.stringify(results.map((r, i) => [columns[i]!.key, r]))).digest('hex');
const current = { columns: columns.length, sha256, labels: lines.filter((l) => !l.endsWith(': ')) };

let snapshot: { equal: boolean | null; written?: boolean; differences?: string[] };
if (process.argv.includes('--write')) {
  writeFileSync(SNAPSHOT, `${JSON.stringify({ seeds: SEEDS, ...current }, null, 1)}\n`);
  snapshot = { equal: null, written: true };
} else {
  const stored = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as typeof current & { seeds: number };
  if (stored.seeds !== SEEDS) snapshot = { equal: null, differences: [`the snapshot was recorded with ${stored.seeds} seeds; run with BENCH_CLASSIFY_SEEDS=${stored.seeds}`] };
  else {
    const was = new Set(stored.labels);
    const now = new Set(current.labels);
    const differences = [...stored.labels.filter((l) => !now.has(l)).map((l) => `- ${l}`), ...current.labels.filter((l) => !was.has(l)).map((l) => `+ ${l}`)];
    if (stored.sha256 !== sha256 && differences.length === 0) differences.push('labels and confidences are equal; evidence differs (sha256)');
    snapshot = { equal: differences.length === 0, differences: differences.slice(0, 20) };
  }
}

const perDetectorMs: Record<string, number> = {};
if (PER_DETECTOR) {
  for (const d of builtInDetectors) perDetectorMs[d.id] = round(timeBest(() => classifyAll(columns, { ...OPTIONS, detectors: [d.id] }), REPEATS).cpuMs);
}

console.log(
  JSON.stringify(
    {
      bench: 'classify',
      machine: { cpus: cpus().length, node: process.version, loadAvg1m: round(loadavg()[0]!) },
      columns: columns.length,
      cpuMs: round(total.cpuMs),
      wallMs: round(total.wallMs),
      usPerColumn: round((total.cpuMs * 1000) / columns.length),
      /** CPU ms of each detector run alone over the corpus (each includes the ~same cost of coercing the samples). */
      perDetectorMs: Object.fromEntries(Object.entries(perDetectorMs).sort((a, b) => b[1] - a[1])),
      snapshot,
    },
    null,
    2,
  ),
);
