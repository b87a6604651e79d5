import { wordSet } from './normalize';

/** Words allowed inside a person name without being names themselves: titles and surname particles. */
export const NAME_PARTICLES = wordSet(`
mr mrs ms miss mx dr prof sir dame jr sr ii iii iv
de da di del della der den van von ter ten le la du des dos das bin bint ibn al el abu mac mc st
`);

/** Words that mark a value as an organisation, product or place, not a person. */
export const NOT_A_PERSON = wordSet(`
inc ltd llc llp plc gmbh ag sa sas sarl srl bv nv oy ab as co corp corporation company companies group
holding holdings bank university college school hospital clinic foundation association society partners
services solutions technologies technology systems international global industries enterprises
consulting agency institute center centre church club team department dept office store shop restaurant
hotel airport station street road avenue city county state province river lake mountain park the and of for
`);
