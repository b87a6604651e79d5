// What other pages embed from the knowledge base: related articles and the asset's experts.
export { RelatedArticles } from './related-articles';
export { AssetExperts } from './asset-experts';
