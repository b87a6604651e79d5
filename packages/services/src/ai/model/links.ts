/**
 * The links an answer offers, taken from what the tools returned: tool outputs
 * carry a `link` (the page of an asset, a finding, a run…) beside the thing's
 * name. The model is not trusted to write them: only ids the tools actually
 * returned, under the asker's permissions, become links.
 */
import type { AnswerLink } from '../types';

const LABEL_KEYS = ['label', 'qualifiedName', 'title', 'name'] as const;
const MAX_LINKS = 20;

function labelOf(o: Record<string, unknown>): string | null {
  for (const key of LABEL_KEYS) if (typeof o[key] === 'string' && o[key]) return o[key];
  return null;
}

/** In order of appearance, one per page, at most twenty. */
export function linksFromOutputs(outputs: readonly unknown[]): AnswerLink[] {
  const links = new Map<string, AnswerLink>();
  const visit = (value: unknown, depth: number) => {
    if (links.size >= MAX_LINKS || depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    const o = value as Record<string, unknown>;
    const href = o.link ?? o.href;
    const label = labelOf(o);
    if (
      typeof href === 'string' &&
      href.startsWith('/') &&
      !href.startsWith('//') &&
      label &&
      !links.has(href)
    )
      links.set(href, { label, href });
    for (const v of Object.values(o)) visit(v, depth + 1);
  };
  outputs.forEach((o) => visit(o, 0));
  return [...links.values()];
}
