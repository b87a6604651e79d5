import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { applyServerFieldErrors } from '~/lib/form-errors';

/**
 * Puts the server's validation issues under the fields they name, nested ones
 * included. The API sums up zod issues as "Invalid input: a.b.0.c: message;
 * …"; `prefix` drops the wrapper object's key (e.g. "ruleSet."). Returns
 * whether any field got a message.
 */
export function applyServerIssues<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  prefix = '',
): boolean {
  const message = error instanceof Error ? error.message : '';
  let applied = false;
  const body = message.replace(/^Invalid input:\s*/, '');
  if (body !== message) {
    for (const part of body.split(/;\s+(?=[\w.]+: )/)) {
      const m = /^([\w.]+): ([\s\S]+)$/.exec(part);
      if (!m) continue;
      const path = m[1]!.startsWith(prefix) ? m[1]!.slice(prefix.length) : m[1]!;
      setError(path as Path<T>, { type: 'server', message: m[2]! });
      applied = true;
    }
  }
  // A duplicate name the API did not translate (a unique-constraint message): say it in words.
  if (!applied && /unique constraint/i.test(message) && /\bname\b/.test(message)) {
    setError('name' as Path<T>, {
      type: 'server',
      message: 'Another rule set already has this name',
    });
    return true;
  }
  return applyServerFieldErrors(error, setError) || applied;
}
