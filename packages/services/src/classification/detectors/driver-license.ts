import { defineDetector, namePatterns, tokens } from '../detector';
import { isRecordNumberShape } from '../validators/health-ids';
import { META_TOKENS, TEXT_TYPES } from './common';

/**
 * Driver's licence numbers differ by issuing state or country (CA D1234567,
 * FL A123-456-78-901-0, UK MORGA753116SM9IJ…), with no shared check. Name
 * required; values 5–20 letters, digits and dashes with at least 2 digits.
 */
export const driverLicenseDetector = defineDetector({
  id: 'builtin.driver-license',
  label: 'PII.DriverLicense',
  version: 1,
  noun: "driver's licence numbers",
  validation: '5–20 letters, digits and dashes with at least two digits (no shared check digit across issuers)',
  namePatterns: namePatterns(
    tokens(
      'drivers?_?licen[cs]es?(_?(no|num|number|nr|id))?|driving_?licen[cs]es?(_?(no|num|number|nr))?|' +
        'dl_?(no|num|number|nr)|dln|licen[cs]e_?plate_?owner|permis_?de_?conduire|permis_?conduire|' +
        'fuhrerschein(_?(nr|nummer))?|fuehrerschein|rijbewijs(_?nummer)?|licencia_?de_?conducir|patente_?di_?guida',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      `${META_TOKENS}|expiry|expiration|expires|exp|issue|issued|issuing|state|country|class|category|photo|image|` +
        'scan|points|restrictions?|endorsements?|required|checked|seen',
    ),
  ),
  allowedTypes: TEXT_TYPES,
  nameRequired: true,
  valueMatcher: (value) => (isRecordNumberShape(value.replace(/ /g, ''), 5, 20, 2) ? 'match' : 'nomatch'),
  minHits: 3,
  minMatchRate: 0.7,
  minMatchRateNamed: 0.7,
  cardinality: { minDistinct: 3, minDistinctRatio: 0.5 },
  maskStyle: 'last4',
});
