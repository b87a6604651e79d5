/** Permission cases: knowledge base and experts. kb.read is every global role's; kb.write the analyst's, steward's and admin's. */
import { personWith, testDeps } from '../harness';
import { type Case, global, uuid } from './shared';

/** A glossary term (readable with glossary.read, which every global role holds) and a published article linked to it. */
async function articleScene(status: 'draft' | 'published' = 'published') {
  const { deps } = await testDeps();
  const author = await personWith(['analyst']);
  const term = await deps.db.glossaryTerm.create({ data: { name: `Card number ${uuid().slice(0, 8)}` } });
  const article = await deps.db.kbArticle.create({
    data: { title: `How we mask card numbers ${uuid().slice(0, 6)}`, body: 'Tokenise at the edge.', status, authorId: author.user.id, links: { create: { targetType: 'glossaryTerm', targetId: term.id } } },
  });
  return { author, term, article };
}

/** Writers may, a viewer (kb.read only) and someone with no role may not. */
const write = (input: (s: Awaited<ReturnType<typeof articleScene>>) => unknown, badInput: unknown): Case => ({
  setup: async () => {
    const s = await articleScene();
    return { input: input(s), allowed: await personWith(['analyst']), denied: await Promise.all([personWith(['viewer']), personWith([])]) };
  },
  badInput,
});

/** Readers (a viewer) may, someone with no role may not. */
const read = (input: (s: Awaited<ReturnType<typeof articleScene>>) => unknown, badInput: unknown): Case => ({
  setup: async () => {
    const s = await articleScene();
    return { input: input(s), allowed: await personWith(['viewer']), denied: [await personWith([])] };
  },
  badInput,
});

export const kbCases: Record<string, Case> = {
  'kb.list': { setup: global(['viewer'], [[]], { q: 'mask', limit: 10 }), badInput: { limit: 1000 } },
  'kb.get': read((s) => ({ id: s.article.id }), { id: 'article-1' }),
  'kb.forTarget': read((s) => ({ targetType: 'glossaryTerm', targetId: s.term.id }), { targetType: 'spaceship', targetId: uuid() }),
  'kb.create': write((s) => ({ title: 'Handling a GDPR erasure request', body: '1. Find the person.', tags: ['gdpr'], links: [{ targetType: 'glossaryTerm', targetId: s.term.id }] }), { title: 'x' }),
  'kb.update': write((s) => ({ id: s.article.id, body: 'Tokenise at the edge, always.' }), { id: uuid(), tags: ['has space'] }),
  'kb.publish': write((s) => ({ id: s.article.id }), { id: 'nope' }),
  'kb.archive': write((s) => ({ id: s.article.id }), { id: uuid(), extra: true }),
  'kb.link': {
    setup: async () => {
      const s = await articleScene('draft');
      const { deps } = await testDeps();
      const other = await deps.db.glossaryTerm.create({ data: { name: `PAN ${uuid().slice(0, 8)}` } });
      return { input: { articleId: s.article.id, targetType: 'glossaryTerm', targetId: other.id }, allowed: await personWith(['steward']), denied: [await personWith(['viewer'])] };
    },
    badInput: { articleId: uuid(), targetType: 'workflow', targetId: uuid() },
  },
  'kb.unlink': write((s) => ({ articleId: s.article.id, targetType: 'glossaryTerm', targetId: s.term.id }), { articleId: uuid(), targetType: 'glossaryTerm' }),
  'experts.find': { setup: global(['viewer'], [[]], { group: 'catalog', limit: 5 }), badInput: { assetId: uuid(), group: 'catalog' } },
};
