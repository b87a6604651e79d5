import { describe, expect, it } from 'vitest';
import { col, cycle, generate, labels, outcomeOf, suggestion } from '../testing';
import { ipAddressDetector } from './ip-address';

const v4 = generate(100, (_i, r) => `${1 + Math.floor(r() * 222)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}`);
const v6 = generate(50, (i) => `2001:db8:${i.toString(16)}::${(i * 31).toString(16)}`);

describe('PII.IPAddress detector', () => {
  it('labels IPv4 and IPv6 columns, named or not', () => {
    expect(labels(col('ip_address', 'string'), v4)).toEqual(['PII.IPAddress']);
    expect(labels(col('remote_addr', 'string'), [...v4.slice(0, 50), ...v6])).toEqual(['PII.IPAddress']);
    expect(labels(col('c', 'other', { dataType: 'inet' }), v4)).toEqual(['PII.IPAddress']);
    const kinds = suggestion('PII.IPAddress', col('client_ip', 'string'), [...v4.slice(0, 50), ...v6])!.evidence.kinds;
    expect(kinds).toEqual({ IPv4: 50, IPv6: 50 });
  });

  it('labels integer-encoded IPv4 only with an IP-looking name', () => {
    const ints = generate(100, (_i, r) => Math.floor(r() * 4294967295));
    expect(labels(col('ip', 'integer'), ints)).toEqual(['PII.IPAddress']);
    expect(labels(col('amount', 'integer'), ints)).toEqual([]);
  });

  it('does not label version strings, subnets or country columns', () => {
    expect(labels(col('app_version', 'string'), cycle(['1.2.3.4', '2.0.0.1', '10.4.1.0', '1.0.0.12'], 100))).toEqual([]);
    expect(outcomeOf('PII.IPAddress', col('firmware_version', 'string'), v4)?.status).toBe('name-veto');
    expect(labels(col('ip_country', 'string'), cycle(['US', 'FR', 'DE'], 100))).toEqual([]);
    expect(labels(col('ip_count', 'integer'), generate(100, (i) => i))).toEqual([]);
  });

  it('valueMatcher', () => {
    expect(ipAddressDetector.valueMatcher('192.168.0.1')).toBe('match');
    expect(ipAddressDetector.valueMatcher('::1')).toBe('match');
    expect(ipAddressDetector.valueMatcher('300.1.1.1')).toBe('invalid');
    expect(ipAddressDetector.valueMatcher('hello')).toBe('nomatch');
    expect(ipAddressDetector.containsMatcher!('GET / from 10.1.2.3 took 5ms')).toBe('10.1.2.3');
    expect(ipAddressDetector.containsMatcher!('version 1.2.3.4.5')).toBeUndefined();
  });
});
