import { defineDetector, namePatterns, tokens } from '../detector';
import { checkEmail, findEmail } from '../validators/email';
import { META_TOKENS, TEXT_TYPES } from './common';

export const emailDetector = defineDetector({
  id: 'builtin.email',
  label: 'PII.Email',
  version: 1,
  noun: 'email addresses',
  validation: 'RFC 5322 address syntax with a hostname and alphabetic top-level domain',
  namePatterns: namePatterns(
    tokens('e_?mails?|e_?mail_?addr(ess)?(es)?|mail_?addr(ess)?|mail|courriel|correo(_electronico)?|epost|sahkoposti'),
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      `${META_TOKENS}|sent|opened|clicked|bounced?|bounces|opt_?in|opt_?out|consent|subscribed|unsubscribed|` +
        'domain|domains|template|templates|subject|body|html|pref|prefs|preferences?|frequency|notifications?|' +
        'campaign|campaigns|id|ids|uuid|md5|sha\\d*|provider|server|host|smtp|queue|log|logs|limit|quota',
    ),
  ),
  allowedTypes: TEXT_TYPES,
  valueMatcher: (value) => checkEmail(value),
  containsMatcher: (value) => (value.length > 5 && value.indexOf('@') > 0 ? findEmail(value) : undefined),
  minHits: 3,
  minMatchRate: 0.6,
  minMatchRateNamed: 0.3,
  cardinality: { minDistinct: 3 },
  maskStyle: 'email',
});
