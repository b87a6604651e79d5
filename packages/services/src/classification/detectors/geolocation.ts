import type { ColumnInput } from '../column';
import { normalizeName } from '../column';
import { defineDetector, namePatterns, tokens } from '../detector';

type Axis = 'latitude' | 'longitude' | 'pair';

const PAIR = /^[([]?\s*(-?[0-9]{1,3}\.[0-9]+)\s*[,; ]\s*(-?[0-9]{1,3}\.[0-9]+)\s*[)\]]?$/;
const SCALAR = /^-?[0-9]{1,3}\.([0-9]+)$/;

function axisOf(column: ColumnInput): Axis {
  const n = normalizeName(column.name);
  if (/(^|_)(lng|lon|long|longitude|longitud|laengengrad)(_|$)/.test(n)) return 'longitude';
  if (/(^|_)(lat|latitude|latitud|breitengrad)(_|$)/.test(n)) return 'latitude';
  return 'pair';
}

/** Three decimals is ~110 m: precise enough to find a house, so that is the bar for personal data. */
const MIN_DECIMALS = 3;

export const geolocationDetector = defineDetector({
  id: 'builtin.geolocation',
  label: 'PII.Geolocation',
  version: 1,
  noun: 'precise coordinates',
  validation: 'latitude within ±90 and longitude within ±180 with at least 3 decimal places (~110 m)',
  namePatterns: namePatterns(
    tokens(
      'lat|lats|latitude|lng|lon|longitude|latitud|longitud|geo|geoloc|geolocation|geo_?location|coords?|' +
        'coordinates?|gps|gps_?(coords?|location|position)|latlng|latlon|lat_?lng|lat_?lon|lon_?lat|lng_?lat|' +
        'geopoint|geo_?point|last_?known_?location|current_?location|home_?location|location_?(coords?|point)',
    ),
    '^long$',
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      'precision|accuracy|radius|count|cnt|type|status|is|has|flag|timezone|tz|zoom|distance|bearing|heading|' +
        'altitude|elevation|speed|error|delta|offset|min|max|bounds?|box|bbox|span|center|centre|grid|tile|bucket',
    ),
  ),
  allowedTypes: ['decimal', 'string', 'other'],
  // A lone decimal is a coordinate only when the name says lat/lon.
  nameRequired: ['decimal'],
  prepare: (_values, column) => axisOf(column),
  valueMatcher(value, ctx) {
    if (value.length < 5 || value.length > 60) return 'nomatch';
    const pair = PAIR.exec(value);
    if (pair) {
      const a = Number(pair[1]);
      const b = Number(pair[2]);
      const decimals = Math.min(pair[1]!.length - pair[1]!.indexOf('.') - 1, pair[2]!.length - pair[2]!.indexOf('.') - 1);
      if (decimals < MIN_DECIMALS) return 'nomatch';
      if (Math.abs(a) > 180 || Math.abs(b) > 180 || (Math.abs(a) > 90 && Math.abs(b) > 90)) return 'invalid';
      if (ctx) ctx.kind = 'coordinate pair';
      return 'match';
    }
    if (ctx?.nameSignal !== 'positive') return 'nomatch';
    const m = SCALAR.exec(value);
    if (!m || m[1]!.length < MIN_DECIMALS) return 'nomatch';
    const x = Math.abs(Number(value));
    const axis = (ctx.state as Axis | undefined) ?? 'pair';
    if (x > (axis === 'latitude' ? 90 : 180)) return 'invalid';
    ctx.kind = axis === 'pair' ? 'coordinate' : axis;
    return 'match';
  },
  minHits: 3,
  minMatchRate: 0.8,
  minMatchRateNamed: 0.7,
  cardinality: { minDistinct: 3, minDistinctRatio: 0.3 },
  maskStyle: 'geo',
});
