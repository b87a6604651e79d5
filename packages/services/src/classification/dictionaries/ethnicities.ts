import { termSet } from './normalize';

/**
 * Ethnic-origin categories that are unambiguous on their own (US Census/OMB,
 * UK ONS 2021, Canadian and Australian census wordings).
 */
export const ETHNICITIES = termSet(
  'african american|black or african american|black african american|black british|black african|black caribbean|' +
    'black other|other black|afro-caribbean|afro caribbean|afro-american|caucasian|hispanic|latino|latina|latinx|' +
    'hispanic or latino|hispanic/latino|not hispanic or latino|non-hispanic|non hispanic|non-hispanic white|' +
    'non-hispanic black|white non-hispanic|white hispanic|asian american|asian british|british asian|asian indian|' +
    'pacific islander|native hawaiian|native hawaiian or other pacific islander|other pacific islander|' +
    'american indian|american indian or alaska native|alaska native|alaskan native|native american|first nations|' +
    'metis|inuit|aboriginal|aboriginal or torres strait islander|torres strait islander|indigenous|maori|' +
    'white british|white english|white scottish|white welsh|white irish|white other|other white|white european|' +
    'gypsy or irish traveller|irish traveller|roma|gypsy|mixed race|multiracial|multi-racial|biracial|' +
    'two or more races|mixed white and black caribbean|mixed white and black african|mixed white and asian|' +
    'mixed other|other mixed|mixed/multiple ethnic groups|middle eastern|middle eastern or north african|mena|' +
    'north african|south asian|east asian|southeast asian|south east asian|central asian|' +
    'white - british|white - irish|asian - indian|asian - pakistani|asian - bangladeshi|asian - chinese|' +
    'black - african|black - caribbean|asian or asian british|black or black british',
);

/**
 * Words that are ethnic categories in an ethnicity column but colours,
 * nationalities, languages or cuisines elsewhere (white, black, asian,
 * indian, chinese, irish…). Counted only when the column name says ethnicity/race.
 */
export const ETHNICITY_WEAK_VALUES = termSet(
  'white|black|asian|indian|pakistani|bangladeshi|chinese|japanese|korean|filipino|vietnamese|arab|african|' +
    'caribbean|irish|mixed|other|european|kurdish|turkish|somali|nigerian|ghanaian|polish|jewish|sikh|hindu|' +
    'other ethnic group|any other ethnic group|prefer not to say|not stated|declined',
);
