import { describe, expect, it } from 'vitest';
import { invalidTags, normalizeTags } from './tags';

describe('tag normalisation', () => {
  it('lowercases, trims, joins inner spaces and drops duplicates in first-seen order', () => {
    expect(normalizeTags([' Masked ', 'retention:7Y', 'masked', 'Gold  Tier', ''])).toEqual(['masked', 'retention:7y', 'gold-tier']);
  });

  it('names the tags that do not fit the pattern', () => {
    expect(invalidTags(['ok', '-leading-dash', 'has/slash', 'x'.repeat(65), 'pii.*', 'a'])).toEqual(['-leading-dash', 'has/slash', 'x'.repeat(65)]);
  });
});
