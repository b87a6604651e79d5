/**
 * The API sums up zod issues as "Invalid input: definition.stages.0.batchSize:
 * message; …". This splits them into path → message, with `prefix` (e.g.
 * "definition.") dropped, so each message can sit under the field it names.
 * What does not parse is returned under "" (shown above the form).
 */
export function issuesByPath(message: string, prefix = ''): Record<string, string> {
  const body = message.replace(/^Invalid input:\s*/, '');
  if (body === message) return { '': message };
  const out: Record<string, string> = {};
  for (const part of body.split(/;\s+(?=[\w.]+: )/)) {
    const m = /^([\w.]+): ([\s\S]+)$/.exec(part);
    if (!m) {
      out[''] = out[''] ? `${out['']}; ${part}` : part;
      continue;
    }
    const path = m[1]!.startsWith(prefix) ? m[1]!.slice(prefix.length) : m[1]!;
    out[path] ??= m[2]!;
  }
  return out;
}

/** Messages for paths under `base` (e.g. "stages.2"), keyed by the rest ("batchSize", "config.maxNullRatio"). */
export function issuesUnder(issues: Record<string, string>, base: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(issues)) {
    if (path === base) out[''] = message;
    else if (path.startsWith(`${base}.`)) out[path.slice(base.length + 1)] = message;
  }
  return out;
}
