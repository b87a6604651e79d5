import { describe, expect, it } from 'vitest';
import type { NormalizedType } from '../column';
import { detectorCatalog } from '../index';
import { LABELS } from '../taxonomy';
import { col, cycle, generate, labels } from '../testing';
import { builtInDetectors } from './index';

describe('built-in detectors', () => {
  it('there are at least 25, one per label, each with ids, versions and patterns', () => {
    expect(builtInDetectors.length).toBeGreaterThanOrEqual(25);
    expect(new Set(builtInDetectors.map((d) => d.label)).size).toBe(builtInDetectors.length);
    expect(new Set(builtInDetectors.map((d) => d.id)).size).toBe(builtInDetectors.length);
    expect(builtInDetectors.map((d) => d.label).sort()).toEqual(LABELS.map((l) => l.id).sort());
    for (const d of builtInDetectors) {
      expect(d.version).toBeGreaterThanOrEqual(1);
      expect(d.namePatterns.length).toBeGreaterThan(0);
      expect(d.negativeNamePatterns.length).toBeGreaterThan(0);
      expect(d.minHits).toBeGreaterThanOrEqual(1);
      expect(d.minMatchRate).toBeGreaterThan(0);
      expect(d.allowedTypes.length).toBeGreaterThan(0);
    }
  });

  it('no detector reads booleans, and only the birth-date detector reads dates and timestamps', () => {
    for (const d of builtInDetectors) {
      expect(d.allowedTypes).not.toContain('boolean');
      if (d.label !== 'PII.DateOfBirth') {
        expect(d.allowedTypes).not.toContain('date');
        expect(d.allowedTypes).not.toContain('timestamp');
      }
    }
  });

  it('boolean, date, timestamp, uuid and json columns never get a value label, whatever their name', () => {
    const gated: Array<[NormalizedType, unknown[]]> = [
      ['boolean', cycle([true, false], 100)],
      ['date', generate(100, (i) => new Date(Date.UTC(1990, 0, 1 + i)))],
      ['timestamp', generate(100, (i) => new Date(1.7e12 + i * 1e6))],
      ['uuid', generate(100, (i) => `550e8400-e29b-41d4-a716-${String(i).padStart(12, '0')}`)],
      ['json', generate(100, (i) => ({ id: i, ok: true }))],
    ];
    for (const d of builtInDetectors) {
      const name = d.namePatterns[0]!.source.replace(/\(\^\|_\)\(\?:|\)\(_\|\$\)|[()?^$|\\]/g, ' ').trim().split(/\s+/)[0]!.replace(/_$/, '');
      for (const [type, values] of gated) {
        if (d.allowedTypes.includes(type)) continue;
        expect(labels(col(name, type), values), `${d.label} on ${type} column "${name}"`).toEqual([]);
      }
    }
  });

  it('every matcher is linear: 20 kB adversarial values finish fast', () => {
    const nasty = [
      'a'.repeat(20_000),
      '1'.repeat(20_000),
      `${'a.'.repeat(10_000)}@`,
      `${'a@'.repeat(10_000)}`,
      `${'1 '.repeat(10_000)}x`,
      `${'-'.repeat(20_000)}`,
      `${'A1'.repeat(10_000)}!`,
      `eyJ${'a'.repeat(20_000)}.eyJ`,
      `$2b$12$${'a'.repeat(20_000)}`,
      `${'4111 '.repeat(4_000)}`,
    ];
    for (const d of builtInDetectors) {
      const start = performance.now();
      for (const v of nasty) {
        d.valueMatcher(v);
        d.containsMatcher?.(v);
      }
      expect(performance.now() - start, d.label).toBeLessThan(500);
    }
  });

  it('the catalog lists every detector with its sensitivity and version', () => {
    const catalog = detectorCatalog();
    expect(catalog).toHaveLength(builtInDetectors.length);
    const card = catalog.find((c) => c.label === 'PCI.CardNumber')!;
    expect(card).toMatchObject({ id: 'builtin.card-number', sensitivity: 'Restricted', version: 1, category: 'PCI', displayName: 'Payment card number' });
    expect(card.description.length).toBeGreaterThan(10);
  });
});
