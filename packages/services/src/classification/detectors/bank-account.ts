import { defineDetector, namePatterns, tokens } from '../detector';
import { bankAccountKind } from '../validators/bank-account';

/**
 * Domestic account numbers carry no universal check digit, so this detector
 * needs the column name; ABA routing numbers are additionally validated
 * (prefix and 3-7-1 checksum). IBANs have their own detector.
 */
export const bankAccountDetector = defineDetector({
  id: 'builtin.bank-account',
  label: 'Financial.BankAccount',
  version: 1,
  noun: 'bank account or routing numbers',
  validation: '6–17 digits in an account-number column; ABA routing numbers by Federal Reserve prefix and 3-7-1 checksum',
  namePatterns: namePatterns(
    tokens(
      'bank_?account(_?(no|num|number|nr))?|bank_?acct(_?(no|num|number))?|account_?(no|num|number|nr)|' +
        'acct_?(no|num|number)|acc_?(no|num|number)|routing(_?(no|num|number))?|aba(_?(no|num|number|routing))?|' +
        'routing_?transit(_?number)?|rtn|sort_?code|bsb|kontonummer|numero_?(de_?)?compte|numero_?(de_?)?cuenta|' +
        'bank_?(no|num|number)|checking_?account|savings_?account|direct_?deposit_?account|ach_?account',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      'type|status|count|cnt|is|has|flag|at|date|name|holder|owner|currency|balance|limit|opened|closed|verified|' +
        'valid|manager|rep|email|phone|id|ids|uuid|hash|hashed|masked|last_?4|last4|token|country|nickname|label|' +
        'description|iban|bic|swift',
    ),
  ),
  allowedTypes: ['string', 'other', 'integer', 'decimal'],
  nameRequired: true,
  valueMatcher(value, ctx) {
    const kind = bankAccountKind(value);
    if (!kind) return 'nomatch';
    if (ctx) ctx.kind = kind;
    return 'match';
  },
  minHits: 3,
  minMatchRate: 0.7,
  minMatchRateNamed: 0.7,
  // Routing numbers repeat (a payroll table pays into a few dozen banks), so no uniqueness ratio.
  cardinality: { minDistinct: 3 },
  maskStyle: 'last4',
});
