import { termSet } from './normalize';

export const SEXUAL_ORIENTATIONS = termSet(
  'heterosexual|homosexual|gay|lesbian|gay or lesbian|gay/lesbian|bisexual|pansexual|asexual|demisexual|' +
    'queer|questioning|lgb|lgbt|lgbtq|same-sex attracted|' +
    'hétérosexuel|hétérosexuelle|homosexuel|homosexuelle|bisexuel|bisexuelle|lesbienne|' +
    'heterosexuell|homosexuell|bisexuell|schwul|lesbisch|' +
    'bisexual|heterosexual|homosexual|lesbiana|' +
    'eterosessuale|omosessuale|bisessuale|heteroseksueel|homoseksueel|biseksueel',
);

export const SEXUAL_ORIENTATION_WEAK_VALUES = termSet(
  'straight|bi|ace|other|prefer not to say|prefer not to answer|not stated|declined|unsure|not sure',
);
