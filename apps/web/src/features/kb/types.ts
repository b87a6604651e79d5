import type { RouterInputs, RouterOutputs } from '~/trpc/types';

export type ArticleSummary = RouterOutputs['kb']['list']['items'][number];
export type Article = RouterOutputs['kb']['get'];
export type ArticleLink = Article['links'][number];
export type ArticleStatus = Article['status'];
export type ArticleTargetType = RouterInputs['kb']['link']['targetType'];
export type Expert = RouterOutputs['experts']['find']['items'][number];
export type ExpertReason = Expert['reasons'][number];

export const articleHref = (id: string) => `/collaboration/kb/${id}`;
