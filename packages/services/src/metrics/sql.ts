/** Small SQL helpers shared by the metric computations (raw SQL: these are aggregates Prisma cannot express). */
import type { IdSet } from './scope';

/** `col` is in the set, or the set is null (everything): `($n::text[] IS NULL OR col = ANY($n::text[]))`. */
export const inSet = (col: string, n: number) => `($${n}::text[] IS NULL OR ${col} = ANY($${n}::text[]))`;

/** The parameter for `inSet`. */
export const setParam = (ids: IdSet) => ids;

export const num = (x: unknown): number => (x === null || x === undefined ? 0 : Number(x));
