import { describe, expect, it } from 'vitest';
import { slugify } from './workspaces';
import { createWorkspaceInput, addMemberInput } from './schemas';

describe('slugify', () => {
  it.each([
    ['Finance Governance', 'finance-governance'],
    ['  Équipe Données  ', 'equipe-donnees'],
    ['A', 'ws-a'],
    ['!!!', 'ws-new'],
    ['x'.repeat(60), 'x'.repeat(40)],
  ])('%s → %s', (name, slug) => expect(slugify(name)).toBe(slug));
});

describe('workspace input schemas', () => {
  it('fills defaults', () => {
    expect(createWorkspaceInput.parse({ name: 'Ops' })).toMatchObject({ environment: 'dev', kind: 'team', maxMembers: 50, maxResources: 500 });
  });
  it('explains a bad slug', () => {
    const r = createWorkspaceInput.safeParse({ name: 'Ops', slug: 'Bad Slug!' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/lowercase/);
  });
  it('needs a user id or an email to add a member', () => {
    expect(addMemberInput.safeParse({ workspaceId: crypto.randomUUID() }).success).toBe(false);
  });
});
