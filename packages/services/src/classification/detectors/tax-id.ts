import { defineDetector, namePatterns, tokens } from '../detector';
import { checkTaxId } from '../validators/tax-id';

export const taxIdDetector = defineDetector({
  id: 'builtin.tax-id',
  label: 'Financial.TaxId',
  version: 1,
  noun: 'tax identifiers',
  validation:
    'US EIN campus prefixes, US ITIN group ranges, EU VAT per-country formats, Indian PAN holder types; bare digits (UK UTR, SIREN/SIRET Luhn, ABN mod-89) only in a tax-named column',
  namePatterns: namePatterns(
    tokens(
      'tax_?(id|ids|identifier|identification|no|num|number|ref|reference|registration)|tin|tins|ein|fein|itin|' +
        'vat|vat_?(id|no|num|number|reg|registration|code)|tva|tva_?intracom|btw|btw_?nummer|ust_?id|ust_?idnr|' +
        'umsatzsteuer_?id|steuer_?(id|nr|nummer)|steuernummer|steuer_?identifikationsnummer|utr|' +
        'unique_?taxpayer_?ref(erence)?|nif|cif|siren|siret|abn|pan_?(no|num|number|card)|taxpayer_?(id|no|number)|' +
        'tax_?file_?number|partita_?iva|p_?iva|employer_?id(entification)?_?(no|num|number)?|business_?number|gstin',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      'rate|rates|amount|amt|total|percent|percentage|pct|exempt|exemption|exempted|status|type|category|class|' +
        'count|cnt|is|has|flag|at|date|year|period|jurisdiction|country|region|included|inclusive|exclusive|paid|' +
        'due|refund|withheld|withholding|verified|valid|treatment|regime|scheme|label|name|description|included|' +
        'liability|base|basis|bracket|band|code_?type|hash|masked',
    ),
  ),
  allowedTypes: ['string', 'other', 'integer'],
  nameRequired: ['integer'],
  valueMatcher(value, ctx) {
    const r = checkTaxId(value, ctx?.nameSignal === 'positive');
    if (r.verdict === 'match' && ctx) ctx.kind = r.kind;
    return r.verdict;
  },
  minHits: 3,
  minMatchRate: 0.6,
  minMatchRateNamed: 0.5,
  cardinality: { minDistinct: 3, minDistinctRatio: 0.5 },
  maskStyle: 'last4',
});
