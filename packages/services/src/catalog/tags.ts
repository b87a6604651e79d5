/**
 * Tags are free words people put on assets ("masked", "retention:7y"). They
 * are compared as written, so they are normalised once on the way in:
 * trimmed, lowercased, inner spaces turned into "-", duplicates dropped.
 * Client-safe (the web forms normalise as you type).
 */
export const TAG_PATTERN = /^[a-z0-9][a-z0-9_:.\-*]{0,63}$/;
export const MAX_TAGS = 50;

export function normalizeTag(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, '-');
}

/** Normalised, de-duplicated, in first-seen order. Invalid tags are kept so validation can name them. */
export function normalizeTags(raw: readonly string[]): string[] {
  return [...new Set(raw.map(normalizeTag).filter((t) => t.length > 0))];
}

export function invalidTags(tags: readonly string[]): string[] {
  return tags.filter((t) => !TAG_PATTERN.test(t));
}
