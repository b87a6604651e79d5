/**
 * Demo articles for a fresh install: how the demo team handles card numbers,
 * erasure requests and label reviews, published and linked to the built-in
 * frameworks they answer to (the demo shop's assets only exist after its
 * first scan, so the articles link to frameworks; people link assets later).
 */
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { AccessChecker } from '../rbac/resolve';
import { createArticle, publishArticle } from './articles';
import { createArticleInput } from './schemas';

const demoArticles = [
  {
    title: 'How we mask card numbers',
    tags: ['pci', 'masking', 'runbook'],
    frameworks: ['pci-dss'],
    body: `Card numbers (PANs) never leave the payments service in clear text.

## Where they live
- \`payments.card_number\` in the **Demo shop** holds the PAN; the classifier labels it \`PCI.CardNumber\` (Luhn-checked).
- Analytics copies keep only the last four digits.

## How we mask
1. Tokenise at the edge: the checkout stores a token, the vault keeps the PAN.
2. Anywhere a PAN must be shown, show \`**** **** **** 1234\`.
3. Tag the column \`masked\` once the masking view is in place, so the PCI-DSS rule "card numbers are masked" passes.

## When a scan finds a new PAN column
Open the finding, assign it to the payments steward, and link this article from the column's page.`,
  },
  {
    title: 'Handling a GDPR erasure request',
    tags: ['gdpr', 'privacy', 'runbook'],
    frameworks: ['gdpr'],
    body: `A person may ask us to erase their personal data (GDPR Art. 17). We answer within **one month**.

1. **Verify** the requester's identity through the support ticket (never by email alone).
2. **Find** every column labelled \`PII.*\` that holds them: search the catalog for the label, filter by the Demo shop.
3. **Erase or anonymise** the rows; keep what the law requires (invoices: 10 years) and note why.
4. **Record** the request and what was done as a comment on the customers table, and close the ticket.

Ask the experts page ("PII.Email") who reviewed those labels last if a column is unclear.`,
  },
  {
    title: 'Reviewing PII labels after a scan',
    tags: ['classification', 'review'],
    frameworks: ['gdpr', 'ccpa'],
    body: `Every scan suggests labels; a person accepts or rejects them.

- Accept when the sampled values really are what the label says (check the evidence: match rate, examples).
- Reject look-alikes (test data, hashed values) — a rejection sticks across rescans.
- Prefer reviewing a whole table at once from the classifications page.

Each decision teaches the detector its precision, so careful reviews make the next scan better.`,
  },
];

/** Creates and publishes the demo articles as `actor` (an admin), linked to the built-in frameworks that exist. */
export async function seedDemoArticles(deps: ServiceDeps, actor: Extract<Actor, { kind: 'user' }>, workspaceId: string | null = null) {
  const access = new AccessChecker(deps.db, actor);
  const frameworks = await deps.db.complianceFramework.findMany({ where: { key: { in: [...new Set(demoArticles.flatMap((a) => a.frameworks))] } }, select: { id: true, key: true } });
  const ids: string[] = [];
  for (const a of demoArticles) {
    const links = frameworks.filter((f) => f.key && a.frameworks.includes(f.key)).map((f) => ({ targetType: 'framework' as const, targetId: f.id }));
    const article = await createArticle(deps, actor, access, createArticleInput.parse({ title: a.title, body: a.body, tags: a.tags, workspaceId, links }));
    await publishArticle(deps, actor, access, article.id);
    ids.push(article.id);
  }
  return ids;
}
