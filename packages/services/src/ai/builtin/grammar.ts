/**
 * The question shapes the built-in engine answers, each with an example
 * template. When it does not understand a question it lists these, filled
 * with the asker's real data (a label their catalog has, a source, a
 * framework and a table they may read), so every suggestion is one it can
 * answer — and the suggestions change as the catalog does.
 */
import { getLabel } from '../../classification/taxonomy';
import type { Intent } from './parse';
import { pluralPhrase as plural } from './vocabulary';

export interface Fillers {
  /** A label present in the asker's readable catalog, e.g. PII.Email. */
  label?: string;
  source?: string;
  framework?: string;
  table?: string;
  /** "table.column" of a column carrying `label`. */
  column?: string;
}

interface Shape {
  intent: Exclude<Intent, 'unknown'>;
  /** What the shape does, shown nowhere but here and in the README. */
  about: string;
  example: (f: Required<Fillers>) => string;
  needs: (keyof Fillers)[];
}

const labelWords = (id: string) => getLabel(id)?.displayName.toLowerCase() ?? id;

export const SHAPES: readonly Shape[] = [
  { intent: 'columns_with_label', about: 'columns carrying a label', needs: ['label'], example: (f) => `Which columns contain ${plural(labelWords(f.label))}?` },
  { intent: 'columns_with_label', about: 'count of labelled columns in a source', needs: ['label', 'source'], example: (f) => `How many columns in ${f.source} hold ${plural(labelWords(f.label))}?` },
  { intent: 'find_assets', about: 'tables by label, environment and ownership', needs: ['label'], example: (f) => `Which tables with ${plural(labelWords(f.label))} have no owner?` },
  { intent: 'find_assets', about: 'tables of a source', needs: ['source'], example: (f) => `List the tables in ${f.source}` },
  { intent: 'posture', about: 'posture and its change', needs: ['framework'], example: (f) => `Why is ${f.framework} posture down this week?` },
  { intent: 'findings', about: 'open findings', needs: ['framework'], example: (f) => `Show critical ${f.framework} findings` },
  { intent: 'failures', about: 'failed scans, workflows and pipelines', needs: [], example: () => 'What failed in the last 7 days?' },
  { intent: 'insights', about: 'open anomaly and forecast insights', needs: [], example: () => 'Any anomalies I should know about?' },
  { intent: 'who_owns', about: 'owners and stewards', needs: ['table'], example: (f) => `Who owns ${f.table}?` },
  { intent: 'what_changed', about: 'activity and drift since a time', needs: [], example: () => 'What changed since yesterday?' },
  { intent: 'explain', about: "a column's label evidence", needs: ['column', 'label'], example: (f) => `Why is ${f.column} labelled ${f.label}?` },
  { intent: 'describe_asset', about: 'one table', needs: ['table'], example: (f) => `Tell me about the ${f.table} table` },
  { intent: 'start_scan', about: 'start a scan (after you confirm)', needs: ['source'], example: (f) => `Rescan ${f.source} and tell me what changed` },
];


/** One example per shape whose fillers exist, at most `max`, in grammar order. */
export function suggestQuestions(fillers: Fillers, max = 8): string[] {
  const out: string[] = [];
  for (const shape of SHAPES) {
    if (!shape.needs.every((k) => fillers[k])) continue;
    const q = shape.example(fillers as Required<Fillers>);
    if (!out.includes(q)) out.push(q);
    if (out.length >= max) break;
  }
  return out;
}
