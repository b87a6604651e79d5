import { describe, expect, it } from 'vitest';
import { FIRST_NAMES } from './first-names';
import { containsTerm, normalizeText, termSet } from './normalize';
import { SURNAMES } from './surnames';

describe('normalizeText', () => {
  it.each([
    ['  José  María ', 'jose maria'],
    ['Łukasz', 'lukasz'],
    ['Søren', 'soren'],
    ['Jehovah’s Witness', 'jehovahs witness'],
    ['Non-Binary', 'non binary'],
    ['A+', 'a+'],
    ['he/him', 'he/him'],
    ['Müller', 'muller'],
    ['Straße', 'strasse'],
  ])('%s → %s', (raw, out) => expect(normalizeText(raw)).toBe(out));

  it('finds whole-word phrases only', () => {
    const terms = termSet('diabetes|type 2 diabetes|hiv');
    expect(containsTerm('type 2 diabetes mellitus', terms)).toBe('type 2 diabetes');
    expect(containsTerm('archive', terms)).toBeUndefined();
    expect(containsTerm('hiv positive', terms)).toBe('hiv');
  });

  it('dictionaries hold normalized entries and leave out everyday words', () => {
    expect(FIRST_NAMES.has('lukasz')).toBe(true);
    expect(SURNAMES.has('muller')).toBe(true);
    for (const word of ['may', 'june', 'april', 'grace', 'hope', 'will', 'mark', 'jordan', 'paris', 'india', 'violet', 'hazel', 'amber', 'rosa'])
      expect(FIRST_NAMES.has(word), word).toBe(false);
    for (const word of ['white', 'black', 'brown', 'green', 'gray', 'young', 'king', 'park', 'west', 'jordan'])
      expect(SURNAMES.has(word), word).toBe(false);
  });
});
