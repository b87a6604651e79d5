import type { CountryCode } from 'libphonenumber-js/max';
import { defineDetector, namePatterns, tokens } from '../detector';
import { checkPhone, guessPhoneRegion, type PhoneCheck } from '../validators/phone';

interface PhoneColumnState {
  region: CountryCode;
  parsed: ReadonlyMap<string, PhoneCheck>;
}
import { META_TOKENS } from './common';

export const phoneDetector = defineDetector({
  id: 'builtin.phone',
  label: 'PII.Phone',
  version: 1,
  noun: 'phone numbers',
  validation: "libphonenumber's number plan for the number's region (full metadata)",
  namePatterns: namePatterns(
    tokens(
      'phone|phones|phone_?(no|num|number)|telephone|tel|tel_?(no|num|number)|mobile|mobile_?(no|num|number)|' +
        'cell|cellphone|cell_?phone|msisdn|fax|gsm|portable|telefono|telefon|telefone|handy|natel|' +
        'contact_?(no|num|number)|whatsapp|sms_?number',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      `${META_TOKENS}|opt_?in|consent|country|prefix|code|dial_?code|calling_?code|ext|extension|brand|model|os|` +
        'carrier|id|ids|uuid|make|app|device|screen|plan|contract|provider|sid',
    ),
  ),
  allowedTypes: ['string', 'other', 'integer', 'decimal'],
  // A bare number is a phone number only in a column that says so.
  nameRequired: ['integer', 'decimal'],
  // The region guess parses up to 20 international numbers; the matcher reuses those results instead of parsing them again.
  prepare: (values, _column, options): PhoneColumnState => {
    const parsed = new Map<string, PhoneCheck>();
    return { region: guessPhoneRegion(values, options.defaultRegion, parsed), parsed };
  },
  valueMatcher(value, ctx) {
    const state = ctx?.state as PhoneColumnState | undefined;
    const region = (state?.region ?? ctx?.region ?? 'US') as CountryCode;
    const r = checkPhone(value, region, ctx?.nameSignal === 'positive', state?.parsed);
    if (r.verdict === 'match' && ctx) ctx.kind = r.country ?? 'international';
    return r.verdict;
  },
  minHits: 3,
  minMatchRate: 0.6,
  minMatchRateNamed: 0.4,
  cardinality: { minDistinct: 3, minDistinctRatio: 0.2 },
  maskStyle: 'last4',
});
