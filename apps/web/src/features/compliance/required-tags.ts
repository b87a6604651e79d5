/**
 * The tags a requirement asks for, when it asks for tags on the asset:
 * `asset.tags has "masked"`, `asset.tags has_all ["masked", "owned"]`; for
 * `has_any` the first listed is the one to suggest. A negated condition
 * (`not asset.tags has …`, `asset.tags not has …`) cannot be fixed by
 * adding a tag, so it asks for nothing.
 */
export function requiredTags(requires: string): string[] {
  const tags = new Set<string>();
  const re = /\basset\.tags\s+(has_all|has_any|has)\s+("([^"]*)"|\[([^\]]*)\])/g;
  for (const m of requires.matchAll(re)) {
    if (/\bnot\s*\(?\s*$/.test(requires.slice(0, m.index))) continue;
    if (m[3] !== undefined) tags.add(m[3]);
    else if (m[4] !== undefined) {
      const listed = [...m[4].matchAll(/"([^"]*)"/g)].map((x) => x[1]!);
      for (const t of m[1] === 'has_any' ? listed.slice(0, 1) : listed) tags.add(t);
    }
  }
  return [...tags].filter(Boolean);
}
