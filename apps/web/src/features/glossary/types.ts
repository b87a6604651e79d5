import type { RouterInputs, RouterOutputs } from '~/trpc/types';

export type TermList = RouterOutputs['glossary']['list'];
export type TermRow = TermList['items'][number];
export type TermView = RouterOutputs['glossary']['get'];
export type TermStatus = TermRow['status'];
export type ListTermsInput = RouterInputs['glossary']['list'];

export const termStatuses: { value: TermStatus; label: string }[] = [
  { value: 'draft', label: 'Draft' },
  { value: 'approved', label: 'Approved' },
  { value: 'deprecated', label: 'Deprecated' },
];
