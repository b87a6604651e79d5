/**
 * Test helpers for the classification engine and detectors: column
 * builders, a seeded random generator and generators of *valid* values
 * (Luhn-completed cards, IBANs with computed check digits…), so tests use
 * realistic samples instead of the same three textbook numbers.
 */
import type { ColumnInput, NormalizedType } from './column';
import { classifyColumn, explainColumn, type ClassificationSuggestion, type ClassifyOptions } from './engine';
import { luhnValid, mod97 } from './validators/checksums';

/** 2025-06-01T00:00:00Z: a fixed "now" for date-of-birth tests. */
export const NOW = Date.UTC(2025, 5, 1);

export function col(name: string, normalizedType: NormalizedType, extra: Partial<ColumnInput> = {}): ColumnInput {
  return { name, dataType: extra.dataType ?? normalizedType, normalizedType, nullable: true, ...extra };
}

export function classify(column: ColumnInput, values: readonly unknown[], options: ClassifyOptions = {}): ClassificationSuggestion[] {
  return classifyColumn(column, { values }, { now: NOW, ...options });
}

export function labels(column: ColumnInput, values: readonly unknown[], options: ClassifyOptions = {}): string[] {
  return classify(column, values, options).map((s) => s.label);
}

export function suggestion(
  label: string,
  column: ColumnInput,
  values: readonly unknown[],
  options: ClassifyOptions = {},
): ClassificationSuggestion | undefined {
  return classify(column, values, options).find((s) => s.label === label);
}

export function outcomeOf(label: string, column: ColumnInput, values: readonly unknown[], options: ClassifyOptions = {}) {
  return explainColumn(column, { values }, { now: NOW, ...options }).outcomes.find((o) => o.label === label);
}

/** Mulberry32: a small seeded PRNG so generated samples are the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function digits(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rand() * 10);
  return s;
}

/** Repeats `values` until there are `n` of them. */
export function cycle<T>(values: readonly T[], n: number): T[] {
  return Array.from({ length: n }, (_, i) => values[i % values.length]!);
}

/** `count` values from `make(i, rand)`. */
export function generate<T>(count: number, make: (i: number, rand: () => number) => T, seed = 42): T[] {
  const rand = rng(seed);
  return Array.from({ length: count }, (_, i) => make(i, rand));
}

/** A card number with `prefix`, `length` digits and a correct Luhn check digit. */
export function cardNumber(prefix: string, length: number, rand: () => number): string {
  const body = prefix + digits(rand, length - prefix.length - 1);
  for (let c = 0; c <= 9; c++) if (luhnValid(body + c)) return body + c;
  throw new Error('unreachable');
}

/** An IBAN for `country` with the given BBAN and computed check digits. */
export function iban(country: string, bban: string): string {
  const r = mod97(bban + country + '00');
  return `${country}${String(98 - r).padStart(2, '0')}${bban}`;
}

/** A valid US SSN (area 001–665/667–899, group ≠ 00, serial ≠ 0000). */
export function ssn(rand: () => number): string {
  let area = 1 + Math.floor(rand() * 898);
  if (area === 666) area = 667;
  const group = 1 + Math.floor(rand() * 99);
  const serial = 1 + Math.floor(rand() * 9999);
  return `${String(area).padStart(3, '0')}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;
}
