import { describe, expect, it } from 'vitest';
import { col, cycle, generate, labels, suggestion } from '../testing';
import { matchPersonName, personNameDetector } from './person-name';
import { classifyColumn } from '../engine';

const FIRST = ['James', 'María', 'Wei', 'Fatima', 'Olivier', 'Priya', 'Sven', 'Aisha', 'Kwame', 'Yuki', 'Chioma', 'Mateo', 'Xochitl', 'Ngozi'];
const LAST = ['Smith', 'García', 'Wang', 'Khan', 'Dubois', 'Patel', 'Johansson', 'Okafor', 'Tanaka', 'Müller', 'Kowalski', 'Nguyen', 'Zyxwvut'];
const full = generate(100, (i) => `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`);

describe('PII.PersonName detector', () => {
  it('labels first, last and full names', () => {
    expect(labels(col('first_name', 'string'), generate(100, (i) => FIRST[i % FIRST.length]!))).toEqual(['PII.PersonName']);
    expect(labels(col('surname', 'string'), generate(100, (i) => LAST[i % LAST.length]!))).toEqual(['PII.PersonName']);
    expect(labels(col('c3', 'string'), full)).toEqual(['PII.PersonName']);
    expect(labels(col('name', 'string', { table: 'customers' }), full)).toEqual(['PII.PersonName']);
    expect(suggestion('PII.PersonName', col('name', 'string', { table: 'customers' }), full)!.evidence.namePattern).toMatch(/^table\.column/);
  });

  it('accepts "Last, First", particles and titles', () => {
    expect(matchPersonName('Smith, John')).toBe('match');
    expect(matchPersonName('Vincent van Gogh')).toBe('match');
    expect(matchPersonName('Dr. Priya Patel')).toBe('match');
    expect(matchPersonName('Jean-Pierre Dubois')).toBe('match');
  });

  it('does not label products, companies, cities, usernames or colours', () => {
    expect(labels(col('product_name', 'string'), cycle(['iPhone 15 Pro', 'Galaxy S24', 'Pixel 8', 'ThinkPad X1'], 100))).toEqual([]);
    expect(labels(col('company', 'string'), cycle(['Johnson & Johnson', 'Ford Motor Company', 'Smith Holdings Ltd', 'Acme Inc'], 100))).toEqual([]);
    expect(labels(col('city', 'string'), cycle(['London', 'Paris', 'Tokyo', 'Lagos', 'Austin', 'Lima', 'Berlin', 'Madrid'], 100))).toEqual([]);
    expect(labels(col('username', 'string'), generate(100, (i) => `${FIRST[i % FIRST.length]!.toLowerCase()}${i}`))).toEqual([]);
    expect(labels(col('color', 'string'), cycle(['White', 'Black', 'Brown', 'Green', 'Gray', 'Rose'], 100))).toEqual([]);
    expect(labels(col('name', 'string', { table: 'products' }), cycle(['Desk Lamp', 'Office Chair', 'Monitor Arm'], 100))).toEqual([]);
  });

  it('needs more than two distinct people', () => {
    expect(labels(col('assignee', 'string'), cycle(['James Smith', 'Wei Wang'], 100))).toEqual([]);
  });

  it('valueMatcher', () => {
    expect(personNameDetector.valueMatcher('Maria Garcia')).toBe('match');
    expect(personNameDetector.valueMatcher('Xochitl Zyxwvut')).toBe('nomatch'); // not in the dictionaries
    expect(personNameDetector.valueMatcher('John 3:16')).toBe('nomatch');
    expect(personNameDetector.valueMatcher('Acme Inc')).toBe('nomatch');
    expect(personNameDetector.valueMatcher('The quick brown fox jumps over the lazy dog')).toBe('nomatch');
  });
});

describe('names the dictionary does not know', () => {
  const column = (name: string) => ({ name, dataType: 'text', normalizedType: 'string' as const, nullable: false });
  const unknownNames = ['Bartholome', 'Nels', 'Zephyrine', 'Oluwaseun', 'Thaddeus', 'Ingeborg', 'Quillon', 'Marisol', 'Ebenezer', 'Hyacinth', 'Leopoldine', 'Torvald'];
  it('counts title-cased name-shaped values in a column named like a name', () => {
    const values = Array.from({ length: 60 }, (_, i) => unknownNames[i % unknownNames.length]!);
    const [s] = classifyColumn(column('first_name'), { values });
    expect(s?.label).toBe('PII.PersonName');
    expect(s?.evidence.kinds['name-shaped, named column']).toBeGreaterThan(0);
  });
  it('does not label the same values in a column with a neutral name', () => {
    const values = Array.from({ length: 60 }, (_, i) => unknownNames[i % unknownNames.length]!);
    expect(classifyColumn(column('label'), { values }).map((s) => s.label)).not.toContain('PII.PersonName');
  });
  it('does not take lower-case codes or sentences in a named column for names', () => {
    const values = Array.from({ length: 60 }, (_, i) => (i % 2 ? 'pending review' : 'abc-123'));
    expect(classifyColumn(column('last_name'), { values }).map((s) => s.label)).not.toContain('PII.PersonName');
  });
});
