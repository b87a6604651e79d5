import { defineDetector, namePatterns, tokens } from '../detector';
import { cardDigits, cardIssuer } from '../validators/card';
import { luhnValid } from '../validators/checksums';

// A card in text stands apart from letters too: the digits inside an IBAN
// ("GB29NWBK60161331926819") or a product code are part of another identifier.
const CARD_IN_TEXT = /(?:^|[^0-9A-Za-z])([0-9](?:[ -]?[0-9]){11,18})(?![0-9A-Za-z])/g;

function findCard(text: string): string | undefined {
  if (text.length < 12) return undefined;
  CARD_IN_TEXT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CARD_IN_TEXT.exec(text))) {
    const d = cardDigits(m[1]!);
    if (d && cardIssuer(d) && luhnValid(d)) return m[1]!;
  }
  return undefined;
}

/**
 * Card numbers: 12–19 digits (optionally grouped by spaces or dashes), an
 * issuer's IIN range and length, and the Luhn check. An epoch timestamp
 * (10 or 13 digits, starting with 1) fits no issuer range, so it is 'nomatch'
 * even when it happens to pass Luhn.
 */
export const cardNumberDetector = defineDetector({
  id: 'builtin.card-number',
  label: 'PCI.CardNumber',
  version: 1,
  noun: 'payment card numbers',
  validation: "a card issuer's IIN range and length (Visa, Mastercard incl. 2-series, Amex, Discover, JCB, Diners, UnionPay, Maestro, Mir) and the Luhn checksum",
  namePatterns: namePatterns(
    tokens(
      'cards?|card_?(no|num|number|nr)|cc|cc_?(no|num|number)|ccn|ccnum|credit_?card(_?(no|num|number))?|' +
        'debit_?card(_?(no|num|number))?|pan|primary_?account_?number|payment_?card(_?(no|num|number))?|' +
        'kreditkarte|kartennummer|carte|carte_?bancaire|numero_?(de_?)?carte|tarjeta|numero_?(de_?)?tarjeta|cartao',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      'count|cnt|type|types|brand|network|scheme|issuer|bank|expiry|expiration|exp|expires|holder|cardholder|name|' +
        'at|date|last_?4|last_?four|last4|first_?6|bin|iin|token|tokenized|hash|hashed|fingerprint|masked|' +
        'encrypted|enc|id|ids|uuid|status|is|has|flag|present|on_?file|country|currency|limit|balance|fee|color|' +
        'colour|design|image|template|sort|order|game|deck|trading|title|description|text|content|body|rank|suit|' +
        'set|rarity|position|index|reader|slot|sim|sd|graphics|video|network_?card|report|score',
    ),
  ),
  allowedTypes: ['string', 'other', 'integer', 'decimal'],
  valueMatcher(value, ctx) {
    const d = cardDigits(value);
    if (d === undefined) return 'nomatch';
    const issuer = cardIssuer(d);
    if (!issuer) return 'nomatch';
    if (!luhnValid(d)) return 'invalid';
    if (ctx) ctx.kind = issuer;
    return 'match';
  },
  containsMatcher: findCard,
  minHits: 3,
  minMatchRate: 0.6,
  minMatchRateNamed: 0.4,
  // One test card repeated (4242…) is a fixture, not cardholder data.
  cardinality: { minDistinct: 3, minDistinctRatio: 0.3 },
  maskStyle: 'card',
});
