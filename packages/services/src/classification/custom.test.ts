import { describe, expect, it } from 'vitest';
import { builtInDetectors } from './detectors/index';
import { defineCustomDetector } from './custom';
import { col, cycle, generate, labels, suggestion } from './testing';

const loyalty = defineCustomDetector({
  id: 'acme-loyalty',
  label: 'Acme.LoyaltyNumber',
  sensitivity: 'Confidential',
  namePatterns: ['(^|_)loyalty(_|$)'],
  negativeNamePatterns: ['(^|_)(count|tier)(_|$)'],
  valuePattern: 'LY-[0-9]{8}',
});

describe('custom detectors', () => {
  const values = generate(100, (_i, r) => `LY-${String(Math.floor(r() * 1e8)).padStart(8, '0')}`);
  const registry = [...builtInDetectors, loyalty];

  it('label columns with the rule set’s pattern, scored like built-ins', () => {
    expect(labels(col('loyalty_no', 'string'), values, { registry })).toEqual(['Acme.LoyaltyNumber']);
    expect(labels(col('x', 'string'), values, { registry })).toEqual(['Acme.LoyaltyNumber']);
    const s = suggestion('Acme.LoyaltyNumber', col('loyalty_no', 'string'), values, { registry })!;
    expect(s.sensitivity).toBe('Confidential');
    expect(s.evidence.detector).toBe('custom.acme-loyalty');
    expect(s.evidence.maskedExamples[0]).toMatch(/^\*\*-\*+\d{2,4}$/);
    expect(labels(col('loyalty_tier', 'string'), cycle(['gold', 'silver'], 100), { registry })).toEqual([]);
  });

  it('without a value pattern, suggest from the name alone', () => {
    const byName = defineCustomDetector({ id: 'acme-badge', label: 'Acme.Badge', sensitivity: 'Internal', namePatterns: ['badge'] });
    const s = suggestion('Acme.Badge', col('badge_code', 'string'), values, { registry: [byName] })!;
    expect(s.evidence.matchMode).toBe('name');
    expect(s.autoAccept).toBe(false);
  });

  it('reject invalid specs with clear messages', () => {
    expect(() => defineCustomDetector({ id: 'x1', label: 'Acme.X', sensitivity: 'Internal', valuePattern: '(unclosed' })).toThrow(/valid RE2 pattern/);
    expect(() => defineCustomDetector({ id: 'x1', label: 'acme x', sensitivity: 'Internal', namePatterns: ['x'] })).toThrow(/PascalCase/);
    expect(() => defineCustomDetector({ id: 'x1', label: 'Acme.X', sensitivity: 'Internal' })).toThrow(/value pattern, name patterns/);
    // Backreferences and lookaheads are not RE2: refused up front instead of risking backtracking.
    expect(() => defineCustomDetector({ id: 'x1', label: 'Acme.X', sensitivity: 'Internal', valuePattern: '(a)\\1' })).toThrow();
  });

  it('a catastrophic-backtracking pattern runs in linear time', () => {
    const evil = defineCustomDetector({ id: 'evil', label: 'Acme.Evil', sensitivity: 'Internal', valuePattern: '(a+)+$' });
    const start = performance.now();
    expect(evil.valueMatcher(`${'a'.repeat(4000)}!`)).toBe('nomatch');
    expect(performance.now() - start).toBeLessThan(500);
  });
});
