import { defineDetector, namePatterns, tokens } from '../detector';
import { postalCodeKind } from '../validators/postal-code';

export const postalCodeDetector = defineDetector({
  id: 'builtin.postal-code',
  label: 'PII.PostalCode',
  version: 1,
  noun: 'postal codes',
  validation: 'US ZIP+4, UK, Canadian or Dutch postcode formats; bare 4–5 digit codes only in a postal-named column',
  namePatterns: namePatterns(
    tokens(
      'zip|zips|zip_?code|zipcode|zip5|zip_?plus_?4|zip4|postal|postal_?code|postalcode|postcode|post_?code|plz|' +
        'postleitzahl|cep|code_?postal|codigo_?postal|cod_?postale|postnummer|postnr|eircode|pincode',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      'file|files|archive|compressed|gzip|zipped|count|cnt|type|status|is|has|flag|valid|verified|id|ids|prefix|' +
        'range|radius|distance|lookup|tie|hash',
    ),
  ),
  allowedTypes: ['string', 'other', 'integer'],
  nameRequired: ['integer'],
  valueMatcher(value, ctx) {
    const kind = postalCodeKind(value);
    if (!kind) return 'nomatch';
    // Bare digits (and dash formats shared with phone fragments) prove nothing without a postal-looking name.
    if (kind === 'ambiguous') {
      if (ctx?.nameSignal !== 'positive') return 'nomatch';
      ctx.kind = 'numeric postal code';
      return 'match';
    }
    if (ctx) ctx.kind = kind;
    return 'match';
  },
  minHits: 3,
  minMatchRate: 0.6,
  minMatchRateNamed: 0.5,
  cardinality: { minDistinct: 3 },
  maskStyle: 'prefix',
});
