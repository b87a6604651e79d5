import { defineDetector, namePatterns, tokens } from '../detector';
import { checkIban } from '../validators/iban';
import { TEXT_TYPES } from './common';

const IBAN_IN_TEXT = /\b([A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30})\b/g;

function findIban(text: string): string | undefined {
  if (text.length < 15) return undefined;
  IBAN_IN_TEXT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IBAN_IN_TEXT.exec(text))) {
    // The greedy run may swallow a following word; try shortening to each space boundary.
    let candidate = m[1]!;
    for (;;) {
      if (checkIban(candidate) === 'match') return candidate;
      const sp = candidate.lastIndexOf(' ');
      if (sp < 15) break;
      candidate = candidate.slice(0, sp);
    }
  }
  return undefined;
}

export const ibanDetector = defineDetector({
  id: 'builtin.iban',
  label: 'Financial.IBAN',
  version: 1,
  noun: 'IBANs',
  validation: "the country's IBAN length and the ISO 7064 mod-97 check",
  namePatterns: namePatterns(
    tokens(
      'ibans?|iban_?(no|num|number|code)|international_?bank_?account(_?number)?|bank_?account(_?(no|num|number))?|' +
        'account_?(no|num|number)|konto|kontonummer|rib|compte|compte_?bancaire|cuenta|cuenta_?bancaria|conto',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      'verified|valid|validated|country|type|status|count|cnt|is|has|flag|at|date|hash|hashed|masked|token|' +
        'last_?4|last4|bic|swift|name|holder|owner|currency|balance|id|ids|uuid',
    ),
  ),
  allowedTypes: TEXT_TYPES,
  valueMatcher: (value) => checkIban(value),
  containsMatcher: findIban,
  minHits: 3,
  minMatchRate: 0.6,
  minMatchRateNamed: 0.4,
  cardinality: { minDistinct: 3, minDistinctRatio: 0.3 },
  maskStyle: 'last4',
});
