/**
 * An execution's parameters, checked against the version's `parameters`:
 * no unknown names, required ones present, defaults filled in, each value of
 * its type. A text value for a number or boolean (a webhook body, a cron
 * trigger's settings) is converted; ids must name a row that exists (a data
 * source of the workflow's own workspace).
 */
import type { Tx } from '@racine/db';
import { AppError } from '../../errors';
import type { ParameterDefinition } from '../definition';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const bad = (name: string, message: string) => new AppError('BAD_REQUEST', `Parameter "${name}" ${message}`, { field: `params.${name}` });

export function coerceParams(defs: readonly ParameterDefinition[], given: Record<string, unknown>): Record<string, unknown> {
  const known = new Set(defs.map((d) => d.name));
  for (const key of Object.keys(given)) {
    if (!known.has(key))
      throw new AppError('BAD_REQUEST', `Unknown parameter "${key}"; this workflow takes ${defs.length ? defs.map((d) => `"${d.name}"`).join(', ') : 'no parameters'}`, { field: `params.${key}` });
  }
  const out: Record<string, unknown> = {};
  for (const def of defs) {
    let v = given[def.name];
    if (v === undefined || v === null || v === '') {
      if (def.default !== undefined) v = def.default;
      else if (def.required) throw bad(def.name, 'is required');
      else continue;
    }
    switch (def.type) {
      case 'number': {
        const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
        if (typeof n !== 'number' || !Number.isFinite(n)) throw bad(def.name, `must be a number, not ${JSON.stringify(v)}`);
        out[def.name] = n;
        break;
      }
      case 'boolean': {
        const b = v === 'true' ? true : v === 'false' ? false : v;
        if (typeof b !== 'boolean') throw bad(def.name, `must be true or false, not ${JSON.stringify(v)}`);
        out[def.name] = b;
        break;
      }
      case 'string':
        if (typeof v !== 'string') throw bad(def.name, `must be text, not ${JSON.stringify(v)}`);
        if (v.length > 10_000) throw bad(def.name, 'is longer than 10,000 characters');
        out[def.name] = v;
        break;
      default:
        if (typeof v !== 'string' || !UUID.test(v)) throw bad(def.name, `must be the id of a ${label(def.type)}, not ${JSON.stringify(v)}`);
        out[def.name] = v.toLowerCase();
    }
  }
  return out;
}

function label(type: ParameterDefinition['type']): string {
  return type === 'dataSource' ? 'data source' : type;
}

/** Checks that each id parameter names a row that exists (a data source or workspace must be this workspace's own). */
export async function checkParamReferences(tx: Tx, defs: readonly ParameterDefinition[], params: Record<string, unknown>, workspaceId: string): Promise<void> {
  for (const def of defs) {
    const v = params[def.name];
    if (typeof v !== 'string') continue;
    if (def.type === 'dataSource') {
      const ds = await tx.dataSource.findUnique({ where: { id: v }, select: { workspaceId: true } });
      if (!ds) throw bad(def.name, `names data source ${v}, which does not exist`);
      if (ds.workspaceId !== workspaceId) throw bad(def.name, `names data source ${v}, which belongs to another workspace`);
    } else if (def.type === 'workspace') {
      if (!(await tx.workspace.findUnique({ where: { id: v }, select: { id: true } }))) throw bad(def.name, `names workspace ${v}, which does not exist`);
    } else if (def.type === 'user') {
      if (!(await tx.user.findUnique({ where: { id: v }, select: { id: true } }))) throw bad(def.name, `names user ${v}, which does not exist`);
    }
  }
}
