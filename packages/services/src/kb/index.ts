// Knowledge base articles and the expert finder.
export * from './schemas';
export * from './expert-groups';
export { articlesForTarget, getArticle, listArticles } from './article-queries';
export { archiveArticle, createArticle, linkArticle, publishArticle, unlinkArticle, updateArticle } from './articles';
export { findExperts } from './experts';
export { EVIDENCE_WEIGHTS, evidenceKinds, HALF_LIFE_DAYS, type EvidenceKind } from './experts-score';
