import { termSet } from './normalize';

/** Gender and sex values that say so on their own, in English, French, German, Spanish, Italian, Portuguese, Dutch. */
export const GENDER_VALUES = termSet(
  'male|female|man|woman|masculine|feminine|non-binary|nonbinary|non binary|enby|genderqueer|' +
    'gender queer|genderfluid|gender fluid|agender|bigender|demigender|transgender|trans|trans man|trans woman|' +
    'transgender man|transgender woman|transgender male|transgender female|trans male|trans female|' +
    'intersex|two-spirit|cisgender|cis man|cis woman|cis male|cis female|he/him|she/her|they/them|' +
    'homme|femme|masculin|féminin|non binaire|non-binaire|' +
    'männlich|weiblich|mann|frau|' +
    'hombre|mujer|masculino|femenino|varón|no binario|' +
    'maschio|femmina|uomo|donna|maschile|femminile|' +
    'feminino|não binário|' +
    'mannelijk|vrouwelijk|vrouw|man',
);

/**
 * Values that fit a gender column but prove nothing alone: single-letter
 * codes (M/F also mean medium/fixed/Monday…), "other", "prefer not to say".
 * They count only when the column name says gender/sex.
 */
export const GENDER_WEAK_VALUES = termSet(
  'm|f|x|u|o|n|nb|h|w|d|v|mal|fem|boy|girl|men|women|trans|divers|other|others|autre|andere|otro|altro|' +
    'prefer not to say|prefer not to answer|prefer not to disclose|not specified|unspecified|not stated|' +
    'not disclosed|undisclosed|declined|decline to state|rather not say|not known',
);
