import { describe, expect, it } from 'vitest';
import { matchContext } from '../detector';
import { col, cycle, generate, labels, suggestion } from '../testing';
import { bankAccountDetector } from './bank-account';
import { taxIdDetector } from './tax-id';

describe('Financial.TaxId detector', () => {
  it('labels EINs, VAT numbers and PANs by value', () => {
    const eins = generate(100, (_i, r) => `${[12, 20, 45, 94][Math.floor(r() * 4)]}-${String(Math.floor(r() * 1e7)).padStart(7, '1')}`);
    expect(labels(col('ein', 'string'), eins)).toEqual(['Financial.TaxId']);
    expect(labels(col('c', 'string'), eins)).toEqual(['Financial.TaxId']);
    const vats = generate(100, (i, r) => [`DE${100000000 + Math.floor(r() * 8e8)}`, `FR${10 + Math.floor(r() * 89)}${100000000 + Math.floor(r() * 8e8)}`, `NL${100000000 + Math.floor(r() * 8e8)}B01`][i % 3]!);
    expect(labels(col('vat_number', 'string'), vats)).toEqual(['Financial.TaxId']);
    expect(suggestion('Financial.TaxId', col('vat_number', 'string'), vats)!.evidence.kinds).toEqual({ 'EU VAT': 100 });
  });

  it('labels bare UTRs only with a tax-looking name', () => {
    const utrs = generate(100, (_i, r) => String(1000000000 + Math.floor(r() * 8e9)));
    expect(labels(col('utr', 'string'), utrs)).toEqual(['Financial.TaxId']);
    expect(labels(col('order_no', 'string'), utrs)).toEqual([]);
  });

  it('does not label tax rates, amounts or codes', () => {
    expect(labels(col('tax_rate', 'decimal'), cycle([0.2, 0.055, 0.1], 100))).toEqual([]);
    expect(labels(col('vat_amount', 'decimal'), generate(100, (i) => i * 1.5))).toEqual([]);
    expect(labels(col('tax_code', 'string'), cycle(['1257L', 'BR', 'D0', 'NT'], 100))).toEqual([]);
  });

  it('valueMatcher', () => {
    expect(taxIdDetector.valueMatcher('12-3456789')).toBe('match');
    expect(taxIdDetector.valueMatcher('07-1234567')).toBe('invalid');
    expect(taxIdDetector.valueMatcher('1234567890')).toBe('nomatch');
    expect(taxIdDetector.valueMatcher('1234567890', matchContext({ nameSignal: 'positive' }))).toBe('match');
  });
});

describe('Financial.BankAccount detector', () => {
  it('labels account-number and routing-number columns', () => {
    const accounts = generate(100, (_i, r) => String(10000000 + Math.floor(r() * 89999999)));
    expect(labels(col('account_number', 'string'), accounts)).toEqual(['Financial.BankAccount']);
    expect(labels(col('bank_account_no', 'integer'), accounts.map(Number))).toEqual(['Financial.BankAccount']);
    const routing = cycle(['021000021', '011000015', '121000358', '026009593', '111000025', '122000661'], 60);
    expect(suggestion('Financial.BankAccount', col('routing_number', 'string'), routing)!.evidence.kinds).toEqual({ 'ABA routing number': 60 });
  });

  it('needs the name; ids, balances and holders are not account numbers', () => {
    const accounts = generate(100, (_i, r) => String(10000000 + Math.floor(r() * 89999999)));
    expect(labels(col('customer_ref', 'string'), accounts)).toEqual([]);
    expect(labels(col('account_id', 'integer'), accounts.map(Number))).toEqual([]);
    expect(labels(col('account_balance', 'decimal'), generate(100, (i) => i * 10.5))).toEqual([]);
    expect(labels(col('account_number', 'string'), generate(100, (i) => `ACC-${String(i).padStart(4, '0')}`))).toEqual([]);
  });

  it('valueMatcher', () => {
    expect(bankAccountDetector.valueMatcher('021000021', matchContext({ nameSignal: 'positive' }))).toBe('match');
    expect(bankAccountDetector.valueMatcher('20-00-00')).toBe('match');
    expect(bankAccountDetector.valueMatcher('0000000')).toBe('nomatch');
  });
});
