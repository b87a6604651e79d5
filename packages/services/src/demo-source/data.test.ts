import { describe, expect, it } from 'vitest';
import { validators } from '../classification/index';
import { buildDemoData, DEMO_REFERENCE_DATE } from './data';
import { luhnCheckDigit, mod97 } from './generators';

/** Local checks, independent of the generators and of classification. */
function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return /^\d{12,19}$/.test(digits) && sum % 10 === 0;
}

function ibanOk(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  const numeric = rearranged.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  return BigInt(numeric) % 97n === 1n;
}

describe('demo data', () => {
  const data = buildDemoData({ seed: 7, people: 200 });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(buildDemoData({ seed: 7, people: 200 })).toEqual(data);
    expect(buildDemoData({ seed: 8, people: 200 }).customers[0]).not.toEqual(data.customers[0]);
    // A smaller data set is not a prefix of a larger one, but it is stable on its own.
    expect(buildDemoData({ seed: 7, people: 20 })).toEqual(buildDemoData({ seed: 7, people: 20 }));
  });

  it('has the expected sizes and referential integrity', () => {
    expect(data.customers).toHaveLength(200);
    expect(data.orders.length).toBeGreaterThan(300);
    expect(data.orders.length).toBeLessThan(700);
    expect(data.payments.length).toBeGreaterThan(data.orders.length / 2);
    expect(data.support_tickets.length).toBeGreaterThan(80);
    expect(data.api_credentials.length).toBeGreaterThanOrEqual(8);
    expect(data.product).toHaveLength(40);
    const customers = new Set(data.customers.map((c) => c.id));
    const orders = new Set(data.orders.map((o) => o.id));
    for (const o of data.orders) expect(customers.has(o.customer_id)).toBe(true);
    for (const p of data.payments) expect(orders.has(p.order_id)).toBe(true);
    for (const t of data.support_tickets) expect(customers.has(t.customer_id)).toBe(true);
    expect(new Set(data.customers.map((c) => c.email)).size).toBe(200);
  });

  it('makes every card number Luhn-valid and in a real issuer range', () => {
    const cards = data.payments.map((p) => p.card_number).filter((c): c is string => c !== null);
    expect(cards.length).toBeGreaterThan(50);
    for (const card of cards) {
      expect(luhnOk(card), card).toBe(true);
      expect(validators.checkCardNumber(card).verdict, card).toBe('match');
    }
    const issuers = new Set(cards.map((c) => validators.cardIssuer(c)));
    expect(issuers).toContain('Visa');
    expect(issuers).toContain('Mastercard');
    expect(issuers).toContain('American Express');
    for (const p of data.payments.filter((x) => x.card_number))
      expect(p.card_expiry).toMatch(/^(0[1-9]|1[0-2])\/\d\d$/);
  });

  it('makes every IBAN pass mod-97 with the right length', () => {
    const ibans = data.payments.map((p) => p.iban).filter((i): i is string => i !== null);
    expect(ibans.length).toBeGreaterThan(10);
    for (const iban of ibans) {
      expect(ibanOk(iban), iban).toBe(true);
      expect(mod97(iban.slice(4) + iban.slice(0, 4))).toBe(1);
      expect(validators.checkIban(iban), iban).toBe('match');
    }
    // Each payment is by card or by transfer, never both.
    for (const p of data.payments)
      expect((p.card_number === null) !== (p.iban === null)).toBe(true);
  });

  it('makes SSNs, ICD-10 codes, keys and hashes look exactly like the real thing', () => {
    const ssns = data.customers.map((c) => c.national_id).filter((s): s is string => s !== null);
    expect(ssns.length).toBeGreaterThan(170);
    for (const s of ssns) expect(validators.checkUsSsn(s), s).toBe('match');
    for (const t of data.support_tickets) {
      // Category codes such as I10 (hypertension) have no dot: valid when the column says "diagnosis".
      if (t.diagnosis_code !== null)
        expect(validators.checkIcd10(t.diagnosis_code, true).verdict, t.diagnosis_code).toBe(
          'match',
        );
    }
    for (const k of data.api_credentials) {
      expect(k.api_key).toMatch(/^sk_live_[A-Za-z0-9]{32}$/);
      expect(validators.knownTokenKind(k.api_key)).toBe('Stripe key');
      expect(validators.isHighEntropySecret(k.api_key.slice('sk_live_'.length))).toBe(true);
      expect(validators.passwordHashScheme(k.password_hash)).toBe('bcrypt');
    }
    for (const c of data.customers) expect(validators.checkEmail(c.email)).toBe('match');
  });

  it('includes the traps', () => {
    expect(new Set(data.customers.map((c) => c.email_verified))).toEqual(new Set([true, false]));
    const start = Date.parse('2019-01-01T00:00:00Z') / 1000;
    for (const c of data.customers) {
      expect(Number.isInteger(c.created_at)).toBe(true);
      expect(c.created_at).toBeGreaterThanOrEqual(start);
      expect(c.created_at).toBeLessThanOrEqual(DEMO_REFERENCE_DATE.getTime() / 1000);
      expect(c.date_of_birth).toMatch(/^\d{4}-\d\d-\d\d$/);
    }
    expect(new Set(data.orders.map((o) => o.status))).toEqual(new Set(['P', 'S', 'D', 'C', 'R']));
    const notes = data.customers.map((c) => c.notes);
    expect(notes.filter((n) => n === null).length).toBeGreaterThan(40);
    const withEmail = notes.filter((n) => n !== null && validators.findEmail(n) !== undefined);
    const without = notes.filter((n) => n !== null && validators.findEmail(n) === undefined);
    expect(withEmail.length).toBeGreaterThan(5);
    expect(without.length).toBeGreaterThan(withEmail.length);
  });

  it('computes Luhn check digits', () => {
    expect(luhnCheckDigit('424242424242424')).toBe('2');
    expect(luhnCheckDigit('7992739871')).toBe('3');
  });
});
