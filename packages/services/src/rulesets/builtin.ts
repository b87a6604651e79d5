/**
 * The rule sets every installation starts with. Their detector lists are
 * derived from the classification taxonomy (labels by category, kept only
 * if a built-in detector produces them), never written out by hand, so a
 * new label lands in the right rule sets by itself.
 */
import { builtInDetectors, LABELS, type LabelCategory } from '../classification/index';
import { scanRuleSetInput, type ScanRuleSet, type ScanRuleSetInput } from './schemas';

/** Catalogs and internals of the engines Racine connects to: never worth scanning. */
export const SYSTEM_SCHEMAS = [
  'pg_catalog',
  'information_schema',
  'pg_toast',
  'mysql',
  'performance_schema',
  'sys',
] as const;
/** SQLite's own tables (`sqlite_sequence`, `sqlite_stat1`…); SQLite reserves the prefix, so no user table has it. */
export const SYSTEM_TABLES = ['sqlite_*'] as const;

export const BUILT_IN_RULE_SET_KEYS = ['all', 'pii', 'financial-secrets'] as const;
export type BuiltInRuleSetKey = (typeof BUILT_IN_RULE_SET_KEYS)[number];

export interface BuiltInRuleSet extends ScanRuleSet {
  key: BuiltInRuleSetKey;
  builtIn: true;
}

/** Labels of `categories` that a built-in detector produces, in taxonomy order. */
export function labelsInCategories(categories: readonly LabelCategory[]): string[] {
  const detected = new Set<string>(builtInDetectors.map((d) => d.label));
  return LABELS.filter((l) => categories.includes(l.category) && detected.has(l.id)).map(
    (l) => l.id,
  );
}

/** Labels of every built-in detector, in taxonomy order. */
export function allDetectorLabels(): string[] {
  return labelsInCategories(LABELS.map((l) => l.category));
}

export const PII_CATEGORIES: readonly LabelCategory[] = ['PII', 'GDPR-special'];
export const FINANCIAL_SECRET_CATEGORIES: readonly LabelCategory[] = ['PCI', 'Financial', 'Secret'];

const common = {
  excludeSchemas: [...SYSTEM_SCHEMAS],
  excludeTables: [...SYSTEM_TABLES],
  sampleSize: 100,
  sampleStrategy: 'random',
  minNonNull: 10,
  customRules: [],
} satisfies Partial<ScanRuleSetInput>;

const definitions: Record<BuiltInRuleSetKey, ScanRuleSetInput> = {
  all: {
    name: 'All detectors',
    description:
      'Every built-in detector (PII, PCI, financial, health, secrets, GDPR special categories). Confident value matches are accepted automatically.',
    ...common,
    // Empty means "every built-in detector", so a detector added later runs here without a migration.
    detectors: [],
    autoAcceptThreshold: 0.95,
  },
  pii: {
    name: 'PII only',
    description:
      'Personal data: identifiers, contact details, demographics, and GDPR Art. 9 special categories.',
    ...common,
    detectors: labelsInCategories(PII_CATEGORIES),
    autoAcceptThreshold: null,
  },
  'financial-secrets': {
    name: 'Financial + secrets',
    description:
      'Payment cards (PCI), bank and tax identifiers, and credentials: passwords, API keys, private keys.',
    ...common,
    detectors: labelsInCategories(FINANCIAL_SECRET_CATEGORIES),
    autoAcceptThreshold: null,
  },
};

/** The built-in rule sets, validated like any other (a broken default fails at import, in every test run). */
export const builtInRuleSets: readonly BuiltInRuleSet[] = BUILT_IN_RULE_SET_KEYS.map((key) => ({
  key,
  builtIn: true as const,
  ...scanRuleSetInput.parse(definitions[key]),
}));

export function getBuiltInRuleSet(key: string): BuiltInRuleSet | undefined {
  return builtInRuleSets.find((r) => r.key === key);
}

/** The detector labels a rule set runs: its list, or every built-in detector's label when the list is empty. */
export function effectiveDetectors(ruleSet: Pick<ScanRuleSet, 'detectors'>): string[] {
  return ruleSet.detectors.length > 0 ? [...ruleSet.detectors] : allDetectorLabels();
}
