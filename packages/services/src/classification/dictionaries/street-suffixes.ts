import { wordSet } from './normalize';

/** Street-type words (as their own word): English, French, Spanish, Italian, Portuguese, Dutch, German. */
export const STREET_TYPES = wordSet(`
street st avenue ave av road rd boulevard blvd bd lane ln drive dr court ct way place pl terrace ter tce
circle cir crescent cres close parkway pkwy highway hwy square sq trail trl row mews grove gardens gdns
hill walk alley aly plaza plz pike turnpike expressway freeway causeway esplanade promenade embankment
rue chemin allee impasse quai route cours faubourg
calle avenida avda paseo camino carretera ronda travesia
via viale piazza corso vicolo largo contrada
rua travessa estrada alameda
straat laan plein gracht kade steeg dreef singel
strasse str weg platz allee gasse damm ufer chaussee
`);

/** Endings of one-word street names in German and Dutch (Hauptstraße, Kalverstraat, Lindenweg). */
export const STREET_WORD_ENDINGS = ['strasse', 'str', 'weg', 'platz', 'allee', 'gasse', 'damm', 'straat', 'laan', 'gracht', 'plein', 'kade', 'steeg'];

/** Markers of a postal address that has no street (PO boxes) or of an address line's unit part. */
export const ADDRESS_MARKERS = wordSet('apt apartment suite ste unit floor fl flat building bldg');
export const PO_BOX = /^(?:p\.? ?o\.? ?box|post office box|postfach|boite postale|bp|apartado|casilla) ?[0-9]+/i;
