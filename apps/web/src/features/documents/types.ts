import type { RouterOutputs } from '~/trpc/types';

export type DocumentDetail = RouterOutputs['document']['get'];
export type DocumentRow = RouterOutputs['document']['list']['items'][number];
export type VersionRow = RouterOutputs['document']['versions'][number];
