/**
 * The built-in engine's parser: a question → an intent and its slots. A
 * deterministic, ordered set of rules over the normalised text; names (data
 * sources, frameworks) come from the asker's own catalog via `Vocabulary`,
 * so "the finance sources" resolves to the real ones they may read. Pure.
 */
import { findEnvironment, findLabels, findSeverities, findSince, normalise } from './vocabulary';

export type Intent =
  | 'columns_with_label'
  | 'find_assets'
  | 'posture'
  | 'findings'
  | 'failures'
  | 'who_owns'
  | 'what_changed'
  | 'insights'
  | 'explain'
  | 'describe_asset'
  | 'start_scan'
  | 'start_workflow'
  | 'unknown';

export interface Slots {
  labels: string[];
  environment?: 'prod' | 'staging' | 'dev';
  sources: string[];
  framework?: string;
  severities: ('critical' | 'high' | 'medium' | 'low')[];
  since?: Date;
  sincePhrase?: string;
  unowned?: boolean;
  owner?: string;
  /** "this table", "this column": the asset of the page the question was asked on. */
  thisAsset?: boolean;
  thisSource?: boolean;
  /** A named asset or workflow ("who owns customers", "run workflow nightly-scan"). */
  subject?: string;
  assetType?: 'table' | 'column' | 'asset';
  count?: boolean;
  /** "why is posture down": also look for what changed and what fails. */
  why?: boolean;
  /** "rescan X and tell me what changed". */
  thenWhatChanged?: boolean;
}

export interface Parsed {
  intent: Intent;
  slots: Slots;
}

export interface Vocabulary {
  /** Names of the data sources the asker may read. */
  sources: readonly string[];
  /** Names and keys of the compliance frameworks. */
  frameworks: readonly { name: string; key: string }[];
  now: Date;
}

const has = (text: string, re: RegExp) => re.test(text);

/** Source names said in the question: whole names first, then "the <word> sources" as a substring of names. */
function findSources(text: string, names: readonly string[]): string[] {
  const spoken = names.filter((n) => {
    const m = normalise(n);
    return m.length > 1 && ` ${text} `.includes(` ${m} `);
  });
  if (spoken.length) return spoken.sort((a, b) => b.length - a.length);
  const group = text.match(/\b(?:the\s+)?([a-z0-9_-]{3,})\s+(?:data\s+)?(?:sources|databases)\b/);
  if (group && !['all', 'every', 'data', 'my', 'our', 'which', 'what', 'stale', 'other'].includes(group[1]!)) return names.filter((n) => normalise(n).includes(group[1]!));
  const single = text.match(/\b(?:source|database)\s+([a-z0-9_.-]{2,})\b/);
  if (single) return names.filter((n) => normalise(n) === single[1] || normalise(n).includes(single[1]!));
  return [];
}

function findFramework(text: string, frameworks: Vocabulary['frameworks']): string | undefined {
  const aliases = (f: { name: string; key: string }) => [f.name, f.key].map(normalise).flatMap((a) => [a, a.replace(/[-\s]/g, ''), a.replace(/-/g, ' ')]);
  const squashed = ` ${text.replace(/-/g, '')} `;
  const hit = [...frameworks].sort((a, b) => b.name.length - a.name.length).find((f) => aliases(f).some((a) => a.length > 1 && (` ${text} `.includes(` ${a} `) || squashed.includes(` ${a} `))));
  return hit?.name;
}

/** The words after a verb up to a stop word: "who owns the customers table" → "customers". */
function subjectAfter(text: string, lead: RegExp): string | undefined {
  const m = text.match(lead);
  if (!m) return undefined;
  const rest = text
    .slice((m.index ?? 0) + m[0].length)
    .replace(/\b(in|on|for|from|since|and|with|please|now)\b.*$/, '')
    .replace(/\b(the|a|an|table|column|asset|dataset|view|field)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return rest && !/^(this|it|that)$/.test(rest) ? rest : undefined;
}

export function parseQuestion(question: string, vocab: Vocabulary): Parsed {
  const text = normalise(question);
  const when = findSince(text, vocab.now);
  const slots: Slots = {
    labels: findLabels(text),
    environment: findEnvironment(text),
    sources: findSources(text, vocab.sources),
    framework: findFramework(text, vocab.frameworks),
    severities: findSeverities(text),
    since: when?.since,
    sincePhrase: when?.phrase,
    thisAsset: has(text, /\b(this|current|that)\s+(table|column|asset|dataset|view|field)\b/),
    thisSource: has(text, /\b(this|current)\s+(source|database|data source)\b/),
    unowned: has(text, /\b(without|with no|no|missing|lacking)\s+(an?\s+)?(owners?|stewards?)\b|\bunowned\b|\borphan(ed|s)?\b|\bnobody owns\b|\bnot owned\b/),
    count: has(text, /\bhow many\b|\bcount\b|\bnumber of\b/),
  };
  const owner = text.match(/\bowned by\s+([a-z0-9@._' -]+?)(?=\s+(?:in|on|with|without|from|that|which)\b|$)/);
  if (owner) slots.owner = owner[1]!.trim();
  const mentionsColumns = has(text, /\b(columns?|fields?|attributes?)\b/);
  const mentionsTables = has(text, /\b(tables?|views?|datasets?)\b/);
  slots.assetType = mentionsColumns ? 'column' : mentionsTables ? 'table' : undefined;

  // Writes first: "rescan the finance sources and tell me what changed".
  if (has(text, /\b(re-?scan|scan|start (a )?scan (of|on)|run (a )?scan (of|on))\b/) && !has(text, /\b(scans?|scanned) (failed|failures?)\b|\bfailed scans?\b|\bwhen\b|\blast scan/) && has(text, /^(please\s+)?(can you\s+)?(re-?scan|scan|start|run|kick off|trigger)\b/)) {
    slots.thenWhatChanged = has(text, /\bwhat('s| has)? changed\b|\bwhat changes\b/);
    return { intent: 'start_scan', slots };
  }
  if (has(text, /^(please\s+)?(can you\s+)?(run|start|trigger|kick off|execute)\b.*\bworkflow\b/)) {
    slots.subject = subjectAfter(text, /\bworkflow\s+(called\s+|named\s+)?/) ?? subjectAfter(text, /^(please\s+)?(can you\s+)?(run|start|trigger|kick off|execute)\s+(the\s+)?/)?.replace(/\bworkflow\b/, '').trim();
    return { intent: 'start_workflow', slots };
  }
  if (has(text, /\bwho\s+(owns|is responsible for|stewards|looks after|maintains)\b|\bwho is the (owner|steward)\b|\b(owners?|stewards?) of\b/) && !slots.unowned) {
    slots.subject = subjectAfter(text, /\bwho\s+(owns|is responsible for|stewards|looks after|maintains)\s+|\bwho is the (owner|steward)s? of\s+|\b(owners?|stewards?) of\s+/);
    return { intent: 'who_owns', slots };
  }
  if (has(text, /\bwhy\b.*\b(label(l)?ed|classified|tagged|flagged|marked|detected)\b|\bexplain\b.*\b(label|classification|evidence)\b|\bevidence\b|\bhow (was|is) .* (classified|detected|labell?ed)\b/)) {
    slots.subject = subjectAfter(text, /\bwhy (is|was|does|did)\s+/) ?? subjectAfter(text, /\b(evidence|classification) (for|of)\s+/);
    if (slots.subject) slots.subject = slots.subject.replace(/\b(label(l)?ed|classified|tagged|flagged|marked|detected|as)\b.*$/, '').trim() || undefined;
    return { intent: 'explain', slots };
  }
  if (has(text, /\bposture\b|\bcompliance score\b|\bcompliant\b|\bcompliance (status|trend)\b/) || (slots.framework && has(text, /\bscore\b|\b(down|up|drop(ped)?|fell|improv(e|ed)|worse|better)\b/))) {
    slots.why = has(text, /\bwhy\b|\bwhat (caused|happened)\b|\b(down|drop(ped)?|fell|decline[d]?|worse)\b/);
    return { intent: 'posture', slots };
  }
  if (has(text, /\b(insights?|anomal(y|ies|ous)|forecasts?|unusual|spikes?|outliers?)\b/)) return { intent: 'insights', slots };
  if (has(text, /\bfindings?\b|\bviolations?\b|\bfailing rules?\b|\bbreaches\b|\bnon-?compliant\b/)) return { intent: 'findings', slots };
  if (has(text, /\bwhat('s| has)? changed\b|\bchanges since\b|\bwhat happened\b|\bwhat'?s new\b|\bdrift\b|\bactivity since\b/)) return { intent: 'what_changed', slots };
  if (has(text, /\b(fail(ed|ing|ures?|s)?|errors?|errored|broke|broken|crash(ed)?)\b/)) return { intent: 'failures', slots };
  if (slots.labels.length && (mentionsColumns || !mentionsTables) && !slots.unowned && !slots.environment && !slots.owner) return { intent: 'columns_with_label', slots };
  if (slots.labels.length || slots.unowned || slots.owner || ((mentionsTables || mentionsColumns) && (slots.sources.length || slots.environment))) {
    return { intent: 'find_assets', slots };
  }
  if (has(text, /\b(tell me about|describe|what is in|what's in|show me|details of|summar(y|ise|ize))\b/) && (slots.thisAsset || mentionsTables || mentionsColumns)) {
    slots.subject = subjectAfter(text, /\b(tell me about|describe|what is in|what's in|show me|details of|summar(y|ise|ize)( of)?)\s+/);
    return { intent: 'describe_asset', slots };
  }
  if (has(text, /\b(find|search|look for|list|show|which|where)\b/) && (mentionsTables || mentionsColumns)) {
    slots.subject = subjectAfter(text, /\b(find|search( for)?|look for|list|show( me)?)\s+(all\s+)?(tables?|columns?)?\s*(named|called|like|matching|about)?\s*/);
    return { intent: 'find_assets', slots };
  }
  return { intent: 'unknown', slots };
}
