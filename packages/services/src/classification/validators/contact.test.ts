import { describe, expect, it } from 'vitest';
import { checkDateOfBirth, parseCalendarDate } from './dates';
import { checkEmail, findEmail } from './email';
import { checkIp, checkIpv4, checkIpv6 } from './ip';
import { checkPhone, guessPhoneRegion, toE164 } from './phone';
import { postalCodeKind } from './postal-code';

describe('checkEmail', () => {
  it.each([
    'john.doe@example.com',
    'a+tag@sub.example.co.uk',
    "o'reilly@example.ie",
    'x_y-z@example-mail.io',
    'user@xn--80ak6aa92e.com',
    'JOHN@EXAMPLE.COM',
  ])('accepts %s', (v) => expect(checkEmail(v)).toBe('match'));

  it.each([
    ['john@localhost', 'no TLD'],
    ['a..b@example.com', 'consecutive dots'],
    ['.a@example.com', 'leading dot'],
    ['a@example.c1', 'numeric TLD'],
    ['a@-example.com', 'label starts with a dash'],
    [`${'a'.repeat(65)}@example.com`, 'local part over 64'],
  ])('flags %s as invalid (%s)', (v) => expect(checkEmail(v)).toBe('invalid'));

  it.each(['hello', 'a@b@c.com', '@example.com', 'john@', 'john @example.com', 'write to john@example.com please', 'true'])(
    'ignores %s',
    (v) => expect(checkEmail(v)).toBe('nomatch'),
  );

  it('finds an address inside prose, without trailing punctuation', () => {
    expect(findEmail('Please contact <jane.doe@corp.io>.')).toBe('jane.doe@corp.io');
    expect(findEmail('mail jane@corp.io, or call.')).toBe('jane@corp.io');
    expect(findEmail('mailto:jane@corp.io')).toBe('jane@corp.io');
    expect(findEmail('@mentions and foo@bar are not addresses')).toBeUndefined();
    expect(findEmail('no address here')).toBeUndefined();
  });
});

describe('IP addresses', () => {
  it.each(['192.168.1.1', '8.8.8.8', '255.255.255.255', '0.0.0.0', '10.0.0.1'])('IPv4 %s', (v) => expect(checkIpv4(v)).toBe('match'));
  it.each(['256.1.1.1', '01.2.3.4', '1.2.3.999'])('invalid IPv4 %s', (v) => expect(checkIpv4(v)).toBe('invalid'));
  it.each(['1.2.3', '1.2.3.4.5', 'a.b.c.d', '1..2.3', '12345'])('not IPv4: %s', (v) => expect(checkIpv4(v)).toBe('nomatch'));

  it.each(['2001:db8::1', '::1', '::', 'fe80::1%eth0', '::ffff:192.0.2.1', '2001:0db8:85a3:0000:0000:8a2e:0370:7334', '2001:DB8::'])(
    'IPv6 %s',
    (v) => expect(checkIpv6(v)).toBe('match'),
  );
  it.each(['2001:db8::1::1', '12345::1', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '::ffff:999.0.2.1'])('invalid IPv6 %s', (v) =>
    expect(checkIpv6(v)).toBe('invalid'),
  );
  it.each(['abc', '12:30', 'hello::world'])('not IPv6: %s', (v) => expect(checkIpv6(v)).not.toBe('match'));

  it('accepts inet networks and reports the version', () => {
    expect(checkIp('10.0.0.0/8')).toEqual({ verdict: 'match', version: 'IPv4' });
    expect(checkIp('2001:db8::/32')).toEqual({ verdict: 'match', version: 'IPv6' });
    expect(checkIp('10.0.0.0/33').verdict).toBe('invalid');
    expect(checkIp('1.0.0.1')).toEqual({ verdict: 'match', version: 'IPv4' });
  });
});

describe('checkPhone (libphonenumber-js)', () => {
  it.each([
    ['+1 202 456 1111', 'US'],
    ['+44 20 7946 0958', 'GB'],
    ['+33 1 42 68 53 00', 'FR'],
    ['+49 30 901820', 'DE'],
    ['0044 20 7946 0958', 'GB'],
    ['(202) 456-1111', 'US'],
    ['202.456.1111', 'US'],
  ])('accepts %s', (v, country) => {
    const r = checkPhone(v, 'US', false);
    expect(r.verdict).toBe('match');
    expect(r.country).toBe(country);
  });

  it('reads national numbers in the default region', () => {
    expect(checkPhone('01 42 68 53 00', 'FR', false).country).toBe('FR');
    expect(checkPhone('01 42 68 53 00', 'US', false).verdict).toBe('invalid');
  });

  it('considers bare digit runs only when allowed', () => {
    expect(checkPhone('2024561111', 'US', false).verdict).toBe('nomatch');
    expect(checkPhone('2024561111', 'US', true).verdict).toBe('match');
    expect(checkPhone('1700000000', 'US', true).verdict).toBe('invalid'); // an epoch second is not a US number
  });

  it.each(['hello', '12-34', '2024-06-01', '+1 (555) 01', '4111 1111 1111 1111 1111'])('rejects %s', (v) =>
    expect(checkPhone(v, 'US', false).verdict).not.toBe('match'),
  );

  it('normalizes to E.164 and guesses a region from international numbers', () => {
    expect(toE164('(202) 456-1111')).toBe('+12024561111');
    expect(guessPhoneRegion(['+44 20 7946 0958', '+44 161 496 0000', '020 7946 0000'])).toBe('GB');
    expect(guessPhoneRegion(['020 7946 0000'])).toBe('US');
    expect(guessPhoneRegion(['+44 20 7946 0958'], 'FR')).toBe('FR');
  });
});

describe('dates of birth', () => {
  const now = Date.UTC(2025, 5, 1);
  it.each(['1985-04-12', '1985/04/12', '12/04/1985', '04/30/1985', '12.04.1985', '19850412', '1985-04-12T00:00:00.000Z', '2024-01-01'])(
    'accepts %s',
    (v) => expect(checkDateOfBirth(v, now)).toBe('match'),
  );
  it.each([
    ['1900-01-01', 'a placeholder 125 years ago'],
    ['2030-01-01', 'in the future'],
    ['1850-06-01', 'over 120 years'],
  ])('flags %s (%s)', (v) => expect(checkDateOfBirth(v, now)).toBe('invalid'));
  it.each(['1985-02-30', '31/31/1985', 'yesterday', '85-04-12', '1700000000', 'true'])('ignores %s', (v) =>
    expect(checkDateOfBirth(v, now)).toBe('nomatch'),
  );
  it('parses leap days correctly', () => {
    expect(parseCalendarDate('2000-02-29')).toBe(Date.UTC(2000, 1, 29));
    expect(parseCalendarDate('1900-02-29')).toBeUndefined();
  });
});

describe('postalCodeKind', () => {
  it.each([
    ['94107-1234', 'US ZIP+4'],
    ['SW1A 1AA', 'UK postcode'],
    ['EC1A 1BB', 'UK postcode'],
    ['M1 1AE', 'UK postcode'],
    ['K1A 0B1', 'CA postal code'],
    ['h2x1y4', 'CA postal code'],
    ['1012 AB', 'NL postcode'],
    ['94107', 'ambiguous'],
    ['75008', 'ambiguous'],
    ['8001', 'ambiguous'],
    ['SW1A1AA', 'ambiguous'],
    ['01310-100', 'ambiguous'],
  ])('%s → %s', (v, kind) => expect(postalCodeKind(v)).toBe(kind));

  it.each(['00000', '123', 'hello', 'QQ1 1AA', '1012 SA', 'D1A 0B1'])('%s is not a postal code', (v) => expect(postalCodeKind(v)).toBeUndefined());
});
