import type { Verdict } from './card';

/**
 * Dotted-quad IPv4. Four decimal octets 0–255; a leading zero (`010.1.1.1`)
 * is 'invalid' because parsers disagree on whether it is octal.
 */
export function checkIpv4(value: string): Verdict {
  const n = value.length;
  if (n < 7 || n > 15) return 'nomatch';
  let parts = 0;
  let digits = 0;
  let octet = 0;
  let bad = false;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? value.charCodeAt(i) : 46;
    if (c >= 48 && c <= 57) {
      if (digits === 1 && octet === 0) bad = true; // leading zero
      octet = octet * 10 + (c - 48);
      if (++digits > 3) return 'nomatch';
    } else if (c === 46) {
      if (digits === 0) return 'nomatch';
      if (octet > 255) bad = true;
      parts++;
      digits = 0;
      octet = 0;
    } else return 'nomatch';
  }
  if (parts !== 4) return 'nomatch';
  return bad ? 'invalid' : 'match';
}

/**
 * IPv6 in any RFC 4291/5952 text form: full, `::`-compressed, with an
 * embedded IPv4 tail (`::ffff:192.0.2.1`) or a zone (`fe80::1%eth0`).
 */
export function checkIpv6(value: string): Verdict {
  if (value.length < 2 || value.length > 60 || value.indexOf(':') < 0) return 'nomatch';
  let v = value;
  const pct = v.indexOf('%');
  if (pct >= 0) {
    if (!/^[A-Za-z0-9._-]+$/.test(v.slice(pct + 1))) return 'nomatch';
    v = v.slice(0, pct);
  }
  if (!/^[0-9A-Fa-f:.]+$/.test(v)) return 'nomatch';
  const dbl = v.indexOf('::');
  if (dbl >= 0 && v.indexOf('::', dbl + 1) >= 0) return 'invalid';
  let groups = 0;
  const sides = dbl >= 0 ? [v.slice(0, dbl), v.slice(dbl + 2)] : [v];
  for (let s = 0; s < sides.length; s++) {
    const side = sides[s]!;
    if (side === '') continue;
    const parts = side.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      const last = s === sides.length - 1 && i === parts.length - 1;
      if (last && p.includes('.')) {
        if (checkIpv4(p) !== 'match') return 'invalid';
        groups += 2;
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(p)) groups++;
      else return 'invalid';
    }
  }
  if (dbl >= 0 ? groups > 7 : groups !== 8) return 'invalid';
  return 'match';
}

/**
 * An IP address (v4 or v6), optionally with a CIDR prefix length as
 * Postgres `inet` prints networks (`10.0.0.0/8`). Returns the version for evidence.
 */
export function checkIp(value: string): { verdict: Verdict; version?: 'IPv4' | 'IPv6' } {
  let v = value;
  const slash = v.indexOf('/');
  let prefix = -1;
  if (slash >= 0) {
    const p = v.slice(slash + 1);
    if (!/^[0-9]{1,3}$/.test(p)) return { verdict: 'nomatch' };
    prefix = Number(p);
    v = v.slice(0, slash);
  }
  if (v.indexOf(':') >= 0) {
    const r = checkIpv6(v);
    return r === 'match' && prefix > 128 ? { verdict: 'invalid' } : { verdict: r, version: r === 'nomatch' ? undefined : 'IPv6' };
  }
  const r = checkIpv4(v);
  return r === 'match' && prefix > 32 ? { verdict: 'invalid' } : { verdict: r, version: r === 'nomatch' ? undefined : 'IPv4' };
}
