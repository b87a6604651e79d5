import { describe, expect, it } from 'vitest';
import { suggestQuestions } from './grammar';
import { parseQuestion, type Vocabulary } from './parse';
import { findLabels, findSince, normalise } from './vocabulary';

const now = new Date('2026-12-02T15:00:00Z'); // a Wednesday
const vocab: Vocabulary = {
  sources: ['Shop', 'finance-ledger', 'finance-payroll', 'crm'],
  frameworks: [
    { name: 'HIPAA', key: 'hipaa' },
    { name: 'PCI-DSS', key: 'pci-dss' },
    { name: 'GDPR', key: 'gdpr' },
  ],
  now,
};
const parse = (q: string) => parseQuestion(q, vocab);

describe('label phrases from the taxonomy', () => {
  it.each([
    ['which columns contain email addresses?', ['PII.Email']],
    ['tables with card numbers', ['PCI.CardNumber']],
    ['where do we keep credit card numbers and CVVs', ['PCI.CardNumber', 'PCI.CardVerificationCode']],
    ['columns labelled PII.Email', ['PII.Email']],
    ['social security numbers', ['PII.NationalId']],
    ['dates of birth', []],
    ['date of birth', ['PII.DateOfBirth']],
    ['IP addresses', ['PII.IPAddress']],
    ['any PII in prod?', ['PII.*']],
    ['phone numbers and IBANs', ['PII.Phone', 'Financial.IBAN']],
  ])('%s', (q, labels) => expect(findLabels(normalise(q)).sort()).toEqual([...labels].sort()));
});

describe('times', () => {
  it.each([
    ['what changed since yesterday', '2026-12-01T00:00:00.000Z'],
    ['today', '2026-12-02T00:00:00.000Z'],
    ['in the last 3 days', '2026-11-29T15:00:00.000Z'],
    ['past 24 hours', '2026-12-01T15:00:00.000Z'],
    ['since monday', '2026-11-30T00:00:00.000Z'],
    ['since wednesday', '2026-11-25T00:00:00.000Z'],
    ['since 2026-11-01', '2026-11-01T00:00:00.000Z'],
    ['this week', '2026-11-25T15:00:00.000Z'],
  ])('%s', (q, iso) => expect(findSince(normalise(q), now)?.since.toISOString()).toBe(iso));
  it('none', () => expect(findSince('which columns hold emails', now)).toBeUndefined());
});

describe('intents and slots', () => {
  it.each([
    ['Which columns contain email addresses?', 'columns_with_label', { labels: ['PII.Email'] }],
    ['list columns with phone numbers in Shop', 'columns_with_label', { labels: ['PII.Phone'], sources: ['Shop'] }],
    ['How many columns hold IBANs?', 'columns_with_label', { labels: ['Financial.IBAN'], count: true }],
    ['where are email addresses stored', 'columns_with_label', { labels: ['PII.Email'] }],
    ['Which production tables hold card numbers without an owner?', 'find_assets', { labels: ['PCI.CardNumber'], environment: 'prod', unowned: true, assetType: 'table' }],
    ['tables with card numbers in prod without an owner', 'find_assets', { labels: ['PCI.CardNumber'], environment: 'prod', unowned: true }],
    ['unowned tables in crm', 'find_assets', { unowned: true, sources: ['crm'] }],
    ['tables owned by alice', 'find_assets', { owner: 'alice' }],
    ['list the tables in Shop', 'find_assets', { sources: ['Shop'], assetType: 'table' }],
    ['Why is HIPAA posture down this week?', 'posture', { framework: 'HIPAA', why: true }],
    ["what's our PCI DSS posture", 'posture', { framework: 'PCI-DSS', why: false }],
    ['how compliant are we with GDPR', 'posture', { framework: 'GDPR' }],
    ['show critical GDPR findings', 'findings', { framework: 'GDPR', severities: ['critical'] }],
    ['open violations in Shop', 'findings', { sources: ['Shop'] }],
    ['what failed recently?', 'failures', {}],
    ['any failed scans in the last 3 days', 'failures', {}],
    ['Who owns customers?', 'who_owns', { subject: 'customers' }],
    ['who owns the payments table', 'who_owns', { subject: 'payments' }],
    ['who owns this table', 'who_owns', { thisAsset: true }],
    ['who is the owner of crm', 'who_owns', { sources: ['crm'] }],
    ['What changed since yesterday?', 'what_changed', { sincePhrase: 'since yesterday' }],
    ['any drift this week', 'what_changed', {}],
    ['Why is customers.email labelled PII.Email?', 'explain', { subject: 'customers.email', labels: ['PII.Email'] }],
    ['explain the classification of this column', 'explain', { thisAsset: true }],
    ['tell me about the customers table', 'describe_asset', { subject: 'customers' }],
    ['describe this table', 'describe_asset', { thisAsset: true }],
    ['Rescan the finance sources and tell me what changed', 'start_scan', { sources: ['finance-ledger', 'finance-payroll'], thenWhatChanged: true }],
    ['scan Shop', 'start_scan', { sources: ['Shop'] }],
    ['run workflow nightly-review', 'start_workflow', { subject: 'nightly-review' }],
    ['any anomalies I should know about?', 'insights', {}],
    ['show critical insights', 'insights', { severities: ['critical'] }],
    ['what is the weather like', 'unknown', {}],
    ['hello', 'unknown', {}],
  ])('%s', (q, intent, slots) => {
    const parsed = parse(q);
    expect(parsed.intent).toBe(intent);
    expect(parsed.slots).toMatchObject(slots);
  });
});

describe('suggestions come from the grammar, filled with real names', () => {
  it('uses the fillers and parses back to the shape it came from', () => {
    const questions = suggestQuestions({ label: 'PII.Email', source: 'Shop', framework: 'HIPAA', table: 'customers', column: 'customers.email' }, 20);
    expect(questions).toContain('Which columns contain email addresses?');
    expect(questions.some((q) => q.includes('Shop'))).toBe(true);
    for (const q of questions) expect(parse(q).intent, q).not.toBe('unknown');
  });
  it('leaves out shapes it has no real filler for', () => {
    const questions = suggestQuestions({});
    expect(questions).toEqual(['What failed in the last 7 days?', 'Any anomalies I should know about?', 'What changed since yesterday?']);
  });
});
