/** Small formatting helpers for composed answers. */
import { getLabel } from '../../classification/taxonomy';

export const labelName = (id: string) => (id.endsWith('*') ? `${id.replace(/\.\*$/, '')} data` : (getLabel(id)?.displayName ?? id));
export const labelPhrase = (id: string) => (id.endsWith('*') ? labelName(id) : `${labelName(id).toLowerCase()} (${id})`);
export const pct = (x: number) => `${Math.round(x * 100)}%`;
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const list = (items: readonly string[], max = 10) => {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  const body = shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : body;
};
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const when = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
export const signed = (n: number) => (n > 0 ? `up ${n}` : n < 0 ? `down ${Math.abs(n)}` : 'unchanged at 0');
