import { defineDetector, namePatterns, tokens } from '../detector';
import { isDigits } from '../validators/checksums';

/**
 * CVV/CVC/CID codes: 3 digits (4 for Amex). Any 3-digit number looks like
 * one, so only the name can tell; PCI-DSS 3.2 forbids storing them at all,
 * which is why this label is Restricted.
 */
export const cardVerificationCodeDetector = defineDetector({
  id: 'builtin.card-verification-code',
  label: 'PCI.CardVerificationCode',
  version: 1,
  noun: 'card verification codes',
  validation: '3 or 4 digits in a CVV/CVC-named column',
  namePatterns: namePatterns(
    tokens(
      'cvv|cvv2|cvc|cvc2|csc|cvd|cid_?code|card_?security_?code|card_?verification(_?(code|value|number))?|' +
        'card_?code|card_?cvv|card_?cvc|cc_?cvv|cc_?cvc|security_?code_?card',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      'count|cnt|type|status|is|has|flag|required|present|result|results|match|matched|check|checked|response|' +
        'verified|valid|at|date|length|len|code_?type|rule|policy',
    ),
  ),
  allowedTypes: ['string', 'other', 'integer'],
  nameRequired: true,
  valueMatcher(value, ctx) {
    if (!isDigits(value) || value.length > 4) return 'nomatch';
    // An integer column drops leading zeros: 042 arrives as 42.
    return value.length >= 3 || ctx?.column?.normalizedType === 'integer' ? 'match' : 'nomatch';
  },
  minHits: 3,
  minMatchRate: 0.8,
  minMatchRateNamed: 0.8,
  cardinality: { minDistinct: 3 },
  maskStyle: 'full',
});
