import { describe, expect, it } from 'vitest';
import { classifyColumn, coerceValue, explainColumn } from './engine';
import { classificationSuggestionSchema } from './schemas';
import { cardNumber, classify, col, cycle, generate, labels, NOW, outcomeOf, ssn, suggestion } from './testing';
import { luhnValid } from './validators/checksums';

const emails = generate(100, (i) => `person.${i}@example${i % 7}.com`);

describe('traps competitors fall into', () => {
  it('a boolean email_verified column is not an email column', () => {
    const values = generate(100, (_i, r) => r() < 0.7);
    expect(labels(col('email_verified', 'boolean', { dataType: 'boolean' }), values)).toEqual([]);
    // …nor when the flag is stored as text (SQLite, MySQL varchar).
    expect(labels(col('email_verified', 'string'), values.map(String))).toEqual([]);
    expect(labels(col('email_verified', 'integer', { dataType: 'tinyint(4)' }), values.map(Number))).toEqual([]);
    // The gate is the reason, and it says so.
    expect(outcomeOf('PII.Email', col('email_verified', 'boolean'), values)?.status).toBe('type-gate');
  });

  it('epoch-second timestamps are not card numbers, phones or national ids', () => {
    const seconds = generate(100, (_i, r) => 1_600_000_000 + Math.floor(r() * 150_000_000));
    expect(labels(col('created_at', 'integer', { dataType: 'bigint' }), seconds)).toEqual([]);
    expect(labels(col('created_at', 'string'), seconds.map(String))).toEqual([]);
    expect(labels(col('updated', 'decimal'), seconds)).toEqual([]);
  });

  it('epoch-millisecond bigints are not card numbers, even the ones that pass Luhn', () => {
    const ms = generate(200, (_i, r) => BigInt(1_600_000_000_000 + Math.floor(r() * 150_000_000_000)));
    const luhnPassing = ms.filter((v) => luhnValid(v.toString()));
    expect(luhnPassing.length).toBeGreaterThan(10); // the trap is real: ~10% pass Luhn
    for (const values of [ms, luhnPassing, luhnPassing.map(String)]) {
      expect(labels(col('created_at', 'integer', { dataType: 'bigint' }), values)).toEqual([]);
      expect(labels(col('event_ts', 'string'), values.map(String))).toEqual([]);
    }
    // Even in a column *named* like a card the values fail the issuer check, so no label.
    expect(labels(col('card_number', 'integer', { dataType: 'bigint' }), luhnPassing)).toEqual([]);
    const o = outcomeOf('PCI.CardNumber', col('card_number', 'string'), luhnPassing.map(String));
    expect(o?.status).toBe('below-threshold');
    expect(o?.matched).toBe(0);
  });

  it('epoch microseconds (16 digits) are not card numbers', () => {
    const us = generate(100, (_i, r) => (1_700_000_000_000_000n + BigInt(Math.floor(r() * 1e12))).toString());
    expect(labels(col('ts_us', 'string'), us)).toEqual([]);
  });

  it('low-cardinality status and country codes get no labels', () => {
    expect(labels(col('status_code', 'integer'), cycle([200, 201, 301, 404, 500], 100))).toEqual([]);
    expect(labels(col('status_code', 'string'), cycle(['200', '201', '301', '404', '500'], 100))).toEqual([]);
    expect(labels(col('country_code', 'string'), cycle(['US', 'GB', 'FR', 'DE', 'ES', 'NL', 'IT'], 100))).toEqual([]);
    expect(labels(col('currency_code', 'string'), cycle(['USD', 'EUR', 'GBP'], 100))).toEqual([]);
    expect(labels(col('code', 'string'), cycle(['A12', 'B07', 'C33', 'D41', 'E55'], 100))).toEqual([]);
  });

  it('a `code` column with a few repeated 9-digit or SSN-shaped values is not an ID column', () => {
    const five = generate(5, (_i, r) => ssn(r));
    expect(labels(col('code', 'string'), cycle(five, 100))).toEqual([]);
    expect(labels(col('code', 'string'), cycle(five.map((s) => s.replace(/-/g, '')), 100))).toEqual([]);
    const o = outcomeOf('PII.NationalId', col('code', 'string'), cycle(five, 100));
    expect(o?.status).toBe('cardinality');
    expect(o?.reason).toMatch(/low-cardinality code column/);
    // The same values, all distinct, in an `ssn` column are SSNs.
    expect(labels(col('ssn', 'string'), generate(100, (_i, r) => ssn(r)))).toEqual(['PII.NationalId']);
  });

  it('free-text notes that mention an email are not an email column', () => {
    const notes = generate(100, (i, r) =>
      r() < 0.35 ? `Customer asked to be reached at jane.${i}@corp.io after 5pm.` : 'Follow up on invoice; customer prefers phone.',
    );
    const found = classify(col('notes', 'string'), notes, { autoAcceptThreshold: 0.1 });
    const email = found.find((s) => s.label === 'PII.Email');
    expect(email?.evidence.matchMode).toBe('contains');
    expect(email!.confidence).toBeLessThanOrEqual(0.5);
    expect(email!.confidence).toBeGreaterThanOrEqual(0.2);
    expect(email!.autoAccept).toBe(false);
    expect(email!.evidence.maskedExamples.every((m) => !m.includes(' '))).toBe(true); // the token, not the sentence
    expect(email!.evidence.reasons[0]).toMatch(/inside longer text/);
    // Contains-mode can be turned off.
    expect(labels(col('notes', 'string'), notes, { includeContains: false })).toEqual([]);
  });

  it('zip codes vs random 5-digit identifiers', () => {
    const zips = generate(100, (_i, r) => String(10000 + Math.floor(r() * 89999)));
    expect(labels(col('zip', 'string'), zips)).toEqual(['PII.PostalCode']);
    expect(labels(col('zip_code', 'integer'), zips.map(Number))).toEqual(['PII.PostalCode']);
    expect(labels(col('order_ref', 'string'), zips)).toEqual([]);
    expect(labels(col('quantity', 'integer'), zips.map(Number))).toEqual([]);
    expect(labels(col('id', 'integer'), zips.map(Number))).toEqual([]);
    // Self-describing formats need no name.
    expect(labels(col('pc', 'string'), cycle(['SW1A 1AA', 'EC1A 1BB', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT'], 60))).toEqual([
      'PII.PostalCode',
    ]);
  });
});

describe('empty, null and tiny columns', () => {
  it('an empty or all-null column gets name-only suggestions at low confidence, never auto-accepted', () => {
    for (const values of [[], [null, null, undefined], ['', '  ', 'N/A', 'unknown']]) {
      const s = classify(col('email', 'string'), values, { autoAcceptThreshold: 0.1 });
      expect(s.map((x) => x.label)).toEqual(['PII.Email']);
      expect(s[0]!.confidence).toBe(0.3);
      expect(s[0]!.evidence.matchMode).toBe('name');
      expect(s[0]!.autoAccept).toBe(false);
      expect(s[0]!.evidence.score.valueScore).toBeNull();
    }
  });

  it('an empty column with an uninformative name gets nothing', () => {
    expect(labels(col('notes', 'string'), [])).toEqual([]);
    expect(labels(col('name', 'string'), [])).toEqual([]); // "name" alone could be a product
    expect(labels(col('value', 'string'), [null, null])).toEqual([]);
  });

  it('a few values that agree with the name add a little; a few that disagree remove the suggestion', () => {
    const few = classify(col('email', 'string'), ['a@example.com', 'b@example.com']);
    expect(few[0]!.confidence).toBeCloseTo(0.45, 5);
    expect(labels(col('email', 'string'), ['yes', 'no', 'maybe'])).toEqual([]);
  });

  it('the minimum sample is configurable', () => {
    const five = emails.slice(0, 5);
    expect(classify(col('contact', 'string'), five)).toEqual([]);
    expect(classify(col('contact', 'string'), five, { minNonNull: 3 })[0]?.evidence.matchMode).toBe('value');
  });

  it('placeholders count as null, and are reported', () => {
    const values = [...emails.slice(0, 40), ...cycle(['N/A', 'unknown', '-', 'null'], 60)];
    const s = suggestion('PII.Email', col('email', 'string'), values)!;
    expect(s.evidence.nonNull).toBe(40);
    expect(s.evidence.placeholders).toBe(60);
    expect(s.evidence.matchRate).toBe(1);
  });
});

describe('values beat names', () => {
  it('a column called email whose values are not emails gets no label', () => {
    expect(labels(col('email', 'string'), cycle(['yes', 'no'], 100))).toEqual([]);
    expect(labels(col('email', 'string'), generate(100, (i) => `hash${i}abcdef0123456789`))).toEqual([]);
    expect(outcomeOf('PII.Email', col('email', 'string'), cycle(['yes', 'no'], 100))?.status).toBe('below-threshold');
  });

  it('a column with a meaningless name whose values are emails is an email column', () => {
    const s = classify(col('c7', 'string'), emails);
    expect(s.map((x) => x.label)).toEqual(['PII.Email']);
    expect(s[0]!.evidence.nameSignal).toBe('none');
    expect(s[0]!.confidence).toBeGreaterThan(0.9);
  });

  it('a negative name lowers confidence but strong values still win', () => {
    const plain = suggestion('PII.Email', col('c7', 'string'), emails)!;
    const negative = suggestion('PII.Email', col('email_domain', 'string'), emails)!;
    expect(negative.evidence.nameSignal).toBe('negative');
    expect(negative.confidence).toBeLessThan(plain.confidence);
    expect(negative.confidence).toBeGreaterThan(0.7);
  });
});

describe('scoring and evidence', () => {
  it('stores detector, counts, masked examples and the name signal', () => {
    const values = [...emails.slice(0, 90), ...cycle(['bob@localhost', 'not an email'], 10)];
    const s = suggestion('PII.Email', col('customer_email', 'string', { table: 'customers' }), values, {
      autoAcceptThreshold: 0.9,
    })!;
    const e = s.evidence;
    expect(e.detector).toBe('builtin.email');
    expect(e.detectorVersion).toBe(1);
    expect(e).toMatchObject({ sampled: 100, nonNull: 100, matched: 90, invalid: 5, matchRate: 0.9, typeGate: 'pass' });
    expect(e.validatorPassRate).toBeCloseTo(90 / 95, 3);
    expect(e.nameSignal).toBe('positive');
    expect(e.namePattern).toContain('e_?mail');
    expect(e.maskedExamples.length).toBeGreaterThan(0);
    expect(e.maskedExamples.length).toBeLessThanOrEqual(3);
    for (const m of e.maskedExamples) {
      expect(emails).not.toContain(m);
      expect(m).toMatch(/^p\*+@e\*+\.com$/);
    }
    expect(e.reasons.join(' ')).toMatch(/90 of 100 non-null sampled values/);
    expect(e.reasons.join(' ')).toMatch(/failed validation/);
    expect(e.reasons.join(' ')).toMatch(/Wilson lower bound/);
    expect(s.sensitivity).toBe('Confidential');
    expect(classificationSuggestionSchema.safeParse(s).success).toBe(true);
  });

  it('follows the documented formula', () => {
    const s = suggestion('PII.Email', col('customer_email', 'string'), emails)!;
    const { valueScore, valueLogit, nameLogit, precisionLogit, confidence } = s.evidence.score;
    expect(valueScore).toBeCloseTo(0.974, 2); // Wilson lower bound of 100/100 × pass rate 1
    expect(valueLogit).toBeCloseTo(Math.log(valueScore! / (1 - valueScore!)), 1); // both rounded to 3 places
    expect(nameLogit).toBe(1.5);
    expect(precisionLogit).toBe(0);
    expect(confidence).toBeCloseTo(1 / (1 + Math.exp(-(valueLogit! + nameLogit))), 3);
  });

  it('more evidence → more confidence', () => {
    const ten = suggestion('PII.Email', col('c', 'string'), emails.slice(0, 10))!.confidence;
    const hundred = suggestion('PII.Email', col('c', 'string'), emails)!.confidence;
    expect(hundred).toBeGreaterThan(ten);
  });

  it('auto-accepts only value-mode suggestions above the threshold', () => {
    expect(suggestion('PII.Email', col('email', 'string'), emails, { autoAcceptThreshold: 0.95 })!.autoAccept).toBe(true);
    expect(suggestion('PII.Email', col('c', 'string'), emails.slice(0, 12), { autoAcceptThreshold: 0.95 })!.autoAccept).toBe(false);
    expect(suggestion('PII.Email', col('email', 'string'), emails)!.autoAccept).toBe(false); // no threshold set
  });

  it('learned precision moves confidence up or down, bounded', () => {
    const base = suggestion('PII.Email', col('c', 'string'), emails.slice(0, 20))!.confidence;
    const trusted = suggestion('PII.Email', col('c', 'string'), emails.slice(0, 20), { precision: { 'PII.Email': 0.99 } })!;
    const distrusted = suggestion('PII.Email', col('c', 'string'), emails.slice(0, 20), { precision: { 'PII.Email': 0.2 } })!;
    expect(trusted.confidence).toBeGreaterThan(base);
    expect(distrusted.confidence).toBeLessThan(base);
    expect(trusted.evidence.score.precisionLogit).toBe(1);
    expect(distrusted.evidence.reasons.join(' ')).toMatch(/precision at 20%/);
    // A detector people keep rejecting can fall below the suggestion floor entirely.
    expect(labels(col('contact', 'string'), [...emails.slice(0, 7), 'x', 'y', 'z'], { precision: { 'PII.Email': 0.01 }, minConfidence: 0.5 })).toEqual([]);
  });

  it('a suppressed (previously rejected) label is never suggested again', () => {
    expect(labels(col('email', 'string'), emails, { suppressed: new Set(['PII.Email']) })).toEqual([]);
    expect(labels(col('email', 'string'), [], { suppressed: ['PII.Email'] })).toEqual([]);
    expect(outcomeOf('PII.Email', col('email', 'string'), emails, { suppressed: ['PII.Email'] })?.status).toBe('suppressed');
  });

  it('runs only the enabled detectors', () => {
    expect(labels(col('email', 'string'), emails, { detectors: ['PCI.CardNumber'] })).toEqual([]);
    expect(labels(col('email', 'string'), emails, { detectors: ['builtin.email'] })).toEqual(['PII.Email']);
  });

  it('orders suggestions by confidence', () => {
    const cards = generate(100, (_i, r) => cardNumber('4', 16, r));
    const s = classify(col('cc_number', 'string'), cards);
    expect(s[0]!.label).toBe('PCI.CardNumber');
    for (let i = 1; i < s.length; i++) expect(s[i - 1]!.confidence).toBeGreaterThanOrEqual(s[i]!.confidence);
  });
});

describe('explainColumn', () => {
  it('says why every detector did or did not label', () => {
    const { outcomes, suggestions } = explainColumn(col('created_at', 'timestamp'), { values: [new Date(NOW)] }, { now: NOW });
    expect(suggestions).toEqual([]);
    const byLabel = Object.fromEntries(outcomes.map((o) => [o.label, o.status]));
    expect(byLabel['PCI.CardNumber']).toBe('type-gate');
    expect(byLabel['PII.Email']).toBe('type-gate');
    expect(byLabel['PII.DateOfBirth']).toBe('name-required');
    expect(outcomes.length).toBe(29);
  });

  it('agrees with classifyColumn', () => {
    const column = col('customer_email', 'string');
    const a = classifyColumn(column, { values: emails }, { now: NOW });
    const b = explainColumn(column, { values: emails }, { now: NOW }).suggestions;
    expect(b).toEqual(a);
  });
});

describe('coerceValue', () => {
  it('turns driver values into strings detectors can read', () => {
    expect(coerceValue(null)).toBeNull();
    expect(coerceValue(undefined)).toBeNull();
    expect(coerceValue('  a@b.co ')).toBe('a@b.co');
    expect(coerceValue('   ')).toBeNull();
    expect(coerceValue(1700000000000)).toBe('1700000000000');
    expect(coerceValue(1700000000000n)).toBe('1700000000000');
    expect(coerceValue(Number.NaN)).toBeNull();
    expect(coerceValue(true)).toBe('true');
    expect(coerceValue(new Date(Date.UTC(1985, 3, 12)))).toBe('1985-04-12T00:00:00.000Z');
    expect(coerceValue(new Date('nope'))).toBeNull();
    expect(coerceValue(new TextEncoder().encode('hello'))).toBe('hello');
    expect(coerceValue(new Uint8Array([0, 255, 16]))).toBe('\\x00ff10');
    expect(coerceValue({ a: 1 })).toBe('{"a":1}');
  });
});
