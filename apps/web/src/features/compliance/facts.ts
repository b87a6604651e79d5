export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Facts flattened to dotted keys ("asset.tags"), lists kept whole, so each line is one fact. */
export function flattenFacts(value: unknown, prefix = ''): [string, Json][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return prefix ? [[prefix, value as Json]] : [];
  const out: [string, Json][] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) out.push(...flattenFacts(v, key));
    else out.push([key, v as Json]);
  }
  return out;
}

/** Whether a condition reads the field `key` (a whole name: `asset.tag` is not `asset.tags`). */
export function conditionReads(condition: string, key: string): boolean {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w.])${escaped}(?![\\w])`).test(condition);
}
