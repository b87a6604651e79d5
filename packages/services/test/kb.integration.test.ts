/**
 * Knowledge-base articles against real Postgres: who sees drafts, links
 * checked through resource-ref (and hidden when unreadable), audited updates,
 * and published articles in the global search (body word, title typo, drafts
 * never found by others, the 'article' type facet).
 */
import { describe, expect, it } from 'vitest';
import { searchCatalog } from '../src/catalog/search';
import { searchCatalogInput } from '../src/catalog/schemas';
import { articlesForTarget, getArticle, listArticles } from '../src/kb/article-queries';
import { createArticle, linkArticle, publishArticle, unlinkArticle, updateArticle } from '../src/kb/articles';
import { createArticleInput, listArticlesInput } from '../src/kb/schemas';
import { catalogPeople, makeSource, short } from './catalog-scene';
import { person, testDeps } from './harness';

async function scene() {
  const deps = await testDeps();
  const people = await catalogPeople(deps);
  const [writer, otherWriter, reader] = await Promise.all([person(deps, ['analyst']), person(deps, ['steward']), person(deps, ['viewer'])]);
  const shop = await makeSource(deps, { workspaceId: people.ws.id, tables: [{ name: 'payments', columns: { card_number: ['PCI.CardNumber'] } }] });
  const term = await deps.db.glossaryTerm.create({ data: { name: `Card number ${short()}`, labels: ['PCI.CardNumber'] } });
  return { deps, ...people, writer, otherWriter, reader, shop, term, tableId: shop.tables.payments!.id };
}

const write = async (s: Awaited<ReturnType<typeof scene>>, input: Record<string, unknown>) => createArticle(s.deps, s.writer.actor, s.writer.access, createArticleInput.parse(input));
const list = async (s: Awaited<ReturnType<typeof scene>>, who: { access: Parameters<typeof listArticles>[1] }, input: Record<string, unknown>) => listArticles(s.deps, who.access, listArticlesInput.parse(input));
const search = async (access: Parameters<typeof searchCatalog>[1], input: Record<string, unknown>) => searchCatalog(await testDeps(), access, searchCatalogInput.parse(input));

describe('knowledge-base articles', () => {
  it('shows a draft only to its author and writers, and a published article to every reader', async () => {
    const s = await scene();
    const word = `zq${short()}`;
    const draft = await write(s, { title: `Masking ${word}`, body: 'Draft notes', tags: ['pci'] });
    expect(draft.status).toBe('draft');
    expect((await list(s, s.reader, { q: word })).items).toEqual([]);
    await expect(getArticle(s.deps, s.reader.access, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await list(s, s.otherWriter, { q: word })).items.map((a) => a.id)).toEqual([draft.id]);

    await publishArticle(s.deps, s.writer.actor, s.writer.access, draft.id);
    const seen = await list(s, s.reader, { q: word, tag: 'pci' });
    expect(seen.items.map((a) => a.id)).toEqual([draft.id]);
    expect(seen.items[0]!.author.id).toBe(s.writer.user.id);
    expect((await getArticle(s.deps, s.reader.access, draft.id)).canEdit).toBe(false);
  });

  it('links only to things that exist and the caller may read, and hides links a reader may not see', async () => {
    const s = await scene();
    const article = await write(s, { title: `Card numbers ${short()}`, body: 'Tokenised.', links: [{ targetType: 'glossaryTerm', targetId: s.term.id }] });
    await expect(linkArticle(s.deps, s.writer.actor, s.writer.access, { articleId: article.id, targetType: 'asset', targetId: crypto.randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The analyst reads no source of the shop's workspace: it may not link its table.
    await expect(linkArticle(s.deps, s.writer.actor, s.writer.access, { articleId: article.id, targetType: 'asset', targetId: s.tableId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const linked = await linkArticle(s.deps, s.admin.actor, s.admin.access, { articleId: article.id, targetType: 'asset', targetId: s.tableId });
    expect(linked.links.map((l) => l.title).sort()).toEqual(['main.app.payments', s.term.name].sort());
    await expect(linkArticle(s.deps, s.admin.actor, s.admin.access, { articleId: article.id, targetType: 'asset', targetId: s.tableId })).rejects.toMatchObject({ code: 'CONFLICT' });
    await publishArticle(s.deps, s.admin.actor, s.admin.access, article.id);

    // A reader outside the workspace sees the term link, not the table's.
    const outside = await getArticle(s.deps, s.reader.access, article.id);
    expect(outside.links.map((l) => l.targetType)).toEqual(['glossaryTerm']);
    expect(outside.hiddenLinks).toBe(1);
    // The workspace's viewer finds it from the table ("Related articles").
    expect((await articlesForTarget(s.deps, s.viewer.access, { targetType: 'asset', targetId: s.tableId, limit: 10 })).items.map((a) => a.id)).toEqual([article.id]);
    await expect(articlesForTarget(s.deps, s.reader.access, { targetType: 'asset', targetId: s.tableId, limit: 10 })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await unlinkArticle(s.deps, s.admin.actor, s.admin.access, { articleId: article.id, targetType: 'asset', targetId: s.tableId });
    expect((await articlesForTarget(s.deps, s.viewer.access, { targetType: 'asset', targetId: s.tableId, limit: 10 })).items).toEqual([]);
  });

  it('audits an update with the before and after of exactly what changed', async () => {
    const s = await scene();
    const article = await write(s, { title: `Erasure ${short()}`, body: 'Step one.', tags: ['gdpr'] });
    await updateArticle(s.deps, s.otherWriter.actor, s.otherWriter.access, { id: article.id, body: 'Step one. Step two.', tags: ['gdpr'] });
    const events = await s.deps.db.activityEvent.findMany({ where: { resourceType: 'kbArticle', resourceId: article.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.type)).toEqual(['kb.article.created', 'kb.article.updated']);
    const update = events[1]!;
    expect(update.actorId).toBe(s.otherWriter.user.id);
    expect(update.before).toEqual({ body: { chars: 9, start: 'Step one.' } });
    expect(update.after).toEqual({ body: { chars: 19, start: 'Step one. Step two.' } });
    const after = await getArticle(s.deps, s.writer.access, article.id);
    expect(after.updatedBy?.id).toBe(s.otherWriter.user.id);
  });
});

describe('articles in the global search', () => {
  it('finds a published article by a word of its body, with the word highlighted, and by a typo of its title', async () => {
    const s = await scene();
    const word = `vault${short().replace(/\d/g, 'x')}`;
    const title = `Handling erasure requests ${short()}`;
    const article = await write(s, { title, body: `First find the person. Then remove every record from the ${word} and confirm in writing.` });
    await publishArticle(s.deps, s.writer.actor, s.writer.access, article.id);

    const byBody = await search(s.reader.access, { q: word });
    const hit = byBody.items.find((i) => i.id === article.id);
    expect(hit).toMatchObject({ kind: 'article', type: 'article', name: title });
    expect(hit!.highlight.filter((h) => h.match).map((h) => h.text.trim())).toEqual([word]);
    expect(byBody.facets.types.find((t) => t.value === 'article')?.count).toBe(1);

    // "erasure" → "erasrue": two letters swapped, like the glossary's typo handling.
    const byTypo = await search(s.reader.access, { q: `hadnling erasrue requests ${title.split(' ').at(-1)}` });
    expect(byTypo.items.map((i) => i.id)).toContain(article.id);

    // Only articles: the type facet pages through them.
    const only = await search(s.reader.access, { q: word, types: ['article'] });
    expect(only.items.map((i) => i.id)).toEqual([article.id]);
    expect(only.total).toBe(1);
    // A filter articles do not have (a data source) leaves them out.
    expect((await search(s.admin.access, { q: word, dataSourceIds: [s.shop.source.id] })).items).toEqual([]);
  });

  it('never finds a draft, not even for its author', async () => {
    const s = await scene();
    const word = `draftword${short().replace(/\d/g, 'y')}`;
    await write(s, { title: `Unfinished ${word}`, body: word });
    expect((await search(s.reader.access, { q: word })).items).toEqual([]);
    expect((await search(s.writer.access, { q: word })).items).toEqual([]);
  });
});
