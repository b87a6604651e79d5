/**
 * @mentions in a comment's markdown. The editor inserts
 * `@[Display Name](user:<uuid>)` from its autocomplete; people typing by hand
 * may write `@someone@example.com`. Pure functions, no database.
 */

/** `@[Name](user:uuid)`: the name is what was shown when it was written; the id is what counts. */
const TOKEN = /@\[([^\]\n]{1,200})\]\(user:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;
/** `@alice@example.com`, not preceded by a word character (so `bob@alice@x.io` is not one). */
const EMAIL = /(?<![\w.@])@([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/g;
/** Code is quoted text: a mention inside it mentions nobody. */
const CODE = /```[\s\S]*?(?:```|$)|`[^`\n]*`/g;

export interface ParsedMentions {
  userIds: string[];
  /** Lower-cased. */
  emails: string[];
}

export function parseMentions(body: string): ParsedMentions {
  const text = body.replace(CODE, ' ');
  const userIds = new Set<string>();
  const emails = new Set<string>();
  for (const m of text.matchAll(TOKEN)) userIds.add(m[2]!.toLowerCase());
  // Tokens out of the way first, so `@[a@b.io](user:…)` is not also read as an email.
  for (const m of text.replace(TOKEN, ' ').matchAll(EMAIL)) emails.add(m[1]!.replace(/\.+$/, '').toLowerCase());
  return { userIds: [...userIds], emails: [...emails] };
}

/** A markdown body as one line of plain text, mentions as `@Name` (current names when known), cut at `max`. */
export function excerptOf(body: string, names: ReadonlyMap<string, string> = new Map(), max = 200): string {
  const plain = body
    .replace(TOKEN, (_, shown: string, id: string) => `@${names.get(id.toLowerCase()) ?? shown}`)
    .replace(/```[\s\S]*?(?:```|$)/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_~>#]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}

/** The token the editor inserts for a person. Brackets in a name would end the label early, so they go. */
export function mentionToken(user: { id: string; name: string }): string {
  return `@[${user.name.replace(/[[\]\n]/g, '')}](user:${user.id})`;
}
