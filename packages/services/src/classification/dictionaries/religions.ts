import { termSet } from './normalize';

/** Religions, denominations and beliefs (incl. none-beliefs stated as such), multilingual. */
export const RELIGIONS = termSet(
  'christian|christianity|catholic|roman catholic|catholicism|protestant|protestantism|evangelical|' +
    'baptist|southern baptist|methodist|lutheran|anglican|episcopalian|church of england|church of scotland|' +
    'presbyterian|pentecostal|orthodox|eastern orthodox|greek orthodox|russian orthodox|coptic|mormon|lds|' +
    'latter-day saints|church of jesus christ of latter-day saints|jehovahs witness|jehovah’s witness|' +
    'adventist|seventh-day adventist|quaker|mennonite|amish|unitarian|unitarian universalist|' +
    'muslim|islam|islamic|sunni|sunni muslim|shia|shia muslim|shiite|sufi|ahmadiyya|' +
    'jewish|judaism|jew|orthodox jewish|reform jewish|conservative jewish|' +
    'hindu|hinduism|buddhist|buddhism|sikh|sikhism|jain|jainism|bahai|baha’i|zoroastrian|parsi|' +
    'shinto|taoist|taoism|confucian|confucianism|pagan|paganism|wiccan|wicca|druid|heathen|' +
    'rastafarian|rastafari|scientologist|animist|traditional african religion|' +
    'atheist|atheism|agnostic|agnosticism|humanist|' +
    'chrétien|chrétienne|catholique|protestante|musulman|musulmane|juif|juive|bouddhiste|hindou|hindoue|' +
    'athée|agnostique|évangélique|orthodoxe|' +
    'christlich|katholisch|römisch-katholisch|evangelisch|muslimisch|jüdisch|buddhistisch|konfessionslos|' +
    'cristiano|cristiana|católico|católica|protestante|evangélico|evangélica|musulmán|musulmana|judío|judía|' +
    'budista|ateo|atea|agnóstico|agnóstica|espírita|umbanda|candomblé|' +
    'cattolico|cattolica|musulmano|musulmana|ebreo|ebrea|buddista|' +
    'katholiek|protestants|moslim|joods|boeddhist',
);

/** Fit a religion column, prove nothing alone ("none" is a placeholder in most columns). */
export const RELIGION_WEAK_VALUES = termSet(
  'no religion|none|not religious|nonreligious|non-religious|secular|spiritual|spiritual but not religious|' +
    'other|other religion|other faith|prefer not to say|sans religion|sans|ohne|ninguna|nessuna|geen',
);
