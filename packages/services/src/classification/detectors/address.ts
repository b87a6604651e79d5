import { defineDetector, namePatterns, tokens, type MatchResult } from '../detector';
import { normalizeText } from '../dictionaries/normalize';
import { PO_BOX, STREET_TYPES, STREET_WORD_ENDINGS } from '../dictionaries/street-suffixes';
import { TEXT_TYPES } from './common';

/**
 * A street address line: a house number and a street-type word (Street, Rd,
 * rue, Calle, via, -straße, -straat…) within 3–12 words, or a PO box. Long
 * prose that happens to mention a street is not an address line.
 */
export function matchStreetAddress(value: string, ctx?: { kind: string | undefined }): MatchResult {
  const n = value.length;
  if (n < 6 || n > 120) return 'nomatch';
  if (PO_BOX.test(value)) {
    if (ctx) ctx.kind = 'PO box';
    return 'match';
  }
  if (!/[0-9]/.test(value) || value.indexOf('@') >= 0 || value.indexOf('://') >= 0) return 'nomatch';
  const words = normalizeText(value).split(' ');
  if (words.length < 2 || words.length > 12) return 'nomatch';
  let number = false;
  let street = false;
  for (const w of words) {
    if (!number && /^[0-9]{1,5}[a-z]?$/.test(w)) number = true;
    else if (!street && (STREET_TYPES.has(w) || (w.length >= 6 && STREET_WORD_ENDINGS.some((e) => w.endsWith(e))))) street = true;
  }
  if (!(number && street)) return 'nomatch';
  if (ctx) ctx.kind = 'street address';
  return 'match';
}

export const addressDetector = defineDetector({
  id: 'builtin.address',
  label: 'PII.Address',
  version: 1,
  noun: 'street addresses',
  validation: 'a house number and a street-type word (Street, Ave, rue, Calle, via, -straße…) or a PO box',
  namePatterns: namePatterns(
    tokens(
      'address|addresses|addr|address_?line_?[1-3]?|addr_?line_?[1-3]?|address[1-3]|addr[1-3]|street|' +
        'street_?address|street_?line_?[1-3]?|home_?address|mailing_?address|postal_?address|shipping_?address|' +
        'billing_?address|delivery_?address|residential_?address|residence|domicile|adresse|direccion|domicilio|' +
        'indirizzo|anschrift|strasse|endereco|adres',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      'e_?mail|ip|ipv4|ipv6|mac|web|url|uri|http|wallet|contract|memory|mem|ptr|pointer|bitcoin|btc|eth|ethereum|' +
        'crypto|server|host|network|net|bluetooth|ble|device|hardware|remote|local|socket|bind|listen|return|' +
        'reply|sender|to|from|cc|bcc|verified|validated|valid|type|count|cnt|status|is|has|flag|at|id|ids|uuid|' +
        'country|city|state|zip|postal_?code|postcode|geo|lat|lng|lon|latitude|longitude|hash|proxy|gateway|ens',
    ),
  ),
  allowedTypes: TEXT_TYPES,
  valueMatcher: (value, ctx) => matchStreetAddress(value, ctx),
  minHits: 3,
  minMatchRate: 0.5,
  minMatchRateNamed: 0.3,
  cardinality: { minDistinct: 3, minDistinctRatio: 0.2 },
  maskStyle: 'initials',
});
