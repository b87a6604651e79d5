import { describe, expect, it } from 'vitest';
import { excerptOf, mentionToken, parseMentions } from './mentions';

const ada = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';
const bob = '6fa459ea-ee8a-3ca4-894e-db77e160355e';

describe('parseMentions', () => {
  it('reads editor tokens and plain @emails, each person once', () => {
    const body = `Hi ${mentionToken({ id: ada, name: 'Ada Lovelace' })} and @Bob@Example.com, again @[Ada](user:${ada.toUpperCase()})`;
    expect(parseMentions(body)).toEqual({ userIds: [ada], emails: ['bob@example.com'] });
  });

  it('ignores mentions inside code and addresses that are not mentions', () => {
    const body = `\`@[X](user:${bob})\` and\n\`\`\`\n@carol@example.com\n\`\`\`\nmail dave@example.com or me@x@example.com`;
    expect(parseMentions(body)).toEqual({ userIds: [], emails: [] });
  });

  it('drops a sentence-ending dot from an email and does not read a token label as an email', () => {
    expect(parseMentions(`ask @eve@example.org. Or @[eve@example.org](user:${bob})`)).toEqual({ userIds: [bob], emails: ['eve@example.org'] });
  });

  it('needs a well-formed uuid', () => {
    expect(parseMentions('@[Someone](user:not-a-uuid)').userIds).toEqual([]);
  });
});

describe('excerptOf', () => {
  it('shows mentions by their current name and strips markdown', () => {
    const body = `**Look** at [this](https://x.test) ${mentionToken({ id: ada, name: 'Old Name' })}\n\n> quoted`;
    expect(excerptOf(body, new Map([[ada, 'Ada Lovelace']]))).toBe('Look at this @Ada Lovelace quoted');
  });

  it('cuts long bodies with an ellipsis', () => {
    expect(excerptOf('word '.repeat(100), new Map(), 20)).toBe('word word word word…');
  });
});

describe('mentionToken', () => {
  it('keeps brackets out of the label', () => {
    expect(mentionToken({ id: ada, name: 'A [team] lead' })).toBe(`@[A team lead](user:${ada})`);
  });
});
