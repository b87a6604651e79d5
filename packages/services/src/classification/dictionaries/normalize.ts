/**
 * Dictionary lookups compare normalized text: lowercase, accents removed,
 * apostrophes dropped (`Jehovah's` → `jehovahs`), `-`, `_` and runs of
 * whitespace turned into one space; `+` and `/` kept (blood types, pronouns).
 */
export function normalizeText(value: string): string {
  let v = normalized.get(value);
  if (v === undefined) {
    v = normalize(value);
    if (normalized.size >= NORMALIZED_LIMIT) normalized.clear();
    normalized.set(value, v);
  }
  return v;
}

/**
 * Recent results: the gender, name, address and four dictionary detectors
 * each normalize the same sampled values of a column one after another.
 * Bounded, so it holds a few columns' worth and never grows with a scan.
 */
const normalized = new Map<string, string>();
const NORMALIZED_LIMIT = 2048;

function normalize(value: string): string {
  let v = value.toLowerCase();
  for (let i = 0; i < v.length; i++) {
    if (v.charCodeAt(i) > 127) {
      v = v
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        // Letters NFD does not decompose.
        .replace(/ß/g, 'ss')
        .replace(/ł/g, 'l')
        .replace(/[øœ]/g, 'o')
        .replace(/æ/g, 'ae')
        .replace(/đ/g, 'd')
        .replace(/ı/g, 'i')
        .replace(/[’‘`´]/g, "'");
      break;
    }
  }
  return v
    .replace(/'/g, '')
    .replace(/[^a-z0-9+/ ]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** A Set of normalized entries from a `|`-separated list (spaces inside entries allowed). */
export function termSet(list: string): ReadonlySet<string> {
  const s = new Set<string>();
  for (const t of list.split('|')) {
    const n = normalizeText(t);
    if (n) s.add(n);
  }
  return s;
}

/** A Set of normalized single words from a whitespace-separated list. */
export function wordSet(list: string): ReadonlySet<string> {
  const s = new Set<string>();
  for (const t of list.split(/\s+/)) {
    const n = normalizeText(t);
    if (n) s.add(n);
  }
  return s;
}

/**
 * True when a normalized, space-separated `text` contains one of `terms` as
 * whole words (1- to 4-word phrases). Linear in the number of words.
 */
export function containsTerm(text: string, terms: ReadonlySet<string>, maxWords = 4): string | undefined {
  if (terms.has(text)) return text;
  const words = text.split(' ');
  for (let i = 0; i < words.length; i++) {
    let phrase = words[i]!;
    if (terms.has(phrase)) return phrase;
    for (let k = 1; k < maxWords && i + k < words.length; k++) {
      phrase += ' ' + words[i + k]!;
      if (terms.has(phrase)) return phrase;
    }
  }
  return undefined;
}
