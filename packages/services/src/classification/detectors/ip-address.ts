import { defineDetector, namePatterns, tokens } from '../detector';
import { isDigits } from '../validators/checksums';
import { checkIp, checkIpv4 } from '../validators/ip';

const IPV4_IN_TEXT = /(?:^|[^0-9.])((?:[0-9]{1,3}\.){3}[0-9]{1,3})(?![0-9.])/g;

function findIpv4(text: string): string | undefined {
  if (text.length < 8 || text.indexOf('.') < 0) return undefined;
  IPV4_IN_TEXT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IPV4_IN_TEXT.exec(text))) if (checkIpv4(m[1]!) === 'match') return m[1]!;
  return undefined;
}

export const ipAddressDetector = defineDetector({
  id: 'builtin.ip-address',
  label: 'PII.IPAddress',
  version: 1,
  noun: 'IP addresses',
  validation: 'IPv4 dotted quads (octets 0–255, no leading zeros) or RFC 4291 IPv6 text forms',
  namePatterns: namePatterns(
    tokens(
      'ips?|ip_?addr(ess)?(es)?|ipv4|ipv6|ip_?v4|ip_?v6|remote_?addr(ess)?|remote_?ip|client_?ip|client_?addr(ess)?|' +
        'source_?ip|src_?ip|dest(ination)?_?ip|dst_?ip|host_?ip|peer_?ip|user_?ip|x_?forwarded_?for|forwarded_?for|' +
        'last_?login_?ip|login_?ip|signup_?ip|registration_?ip|inet|ip_?addr_?v[46]',
    ),
  ),
  // 1.2.3.4 is a perfectly valid IPv4 address and a perfectly ordinary version number.
  vetoNamePatterns: namePatterns(tokens('version|versions|ver|vers|build|release|revision|rev|semver|firmware|fw|schema_?version|oid|mib')),
  negativeNamePatterns: namePatterns(
    tokens(
      'country|city|region|geo|location|range|ranges|subnet|subnets|cidr|mask|' +
        'netmask|count|cnt|type|status|is|has|flag|allowlist|whitelist|blocklist|blacklist|hash|hashed|anonymi[sz]ed|' +
        'truncated|prefix|pool|family|protocol|id|ids',
    ),
  ),
  allowedTypes: ['string', 'other', 'integer'],
  // An IPv4 address stored as an unsigned 32-bit integer looks like any other number.
  nameRequired: ['integer'],
  valueMatcher(value, ctx) {
    if (ctx?.column?.normalizedType === 'integer') {
      if (!isDigits(value) || value.length > 10 || Number(value) > 4294967295) return 'nomatch';
      ctx.kind = 'IPv4 as integer';
      return 'match';
    }
    const r = checkIp(value);
    if (r.verdict === 'match' && ctx) ctx.kind = r.version;
    return r.verdict;
  },
  containsMatcher: findIpv4,
  minHits: 3,
  minMatchRate: 0.7,
  minMatchRateNamed: 0.5,
  // Log tables repeat a handful of client IPs: only a one-value column is ruled out.
  cardinality: { minDistinct: 2 },
  maskStyle: 'ip',
});
