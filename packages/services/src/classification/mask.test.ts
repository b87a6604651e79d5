import { describe, expect, it } from 'vitest';
import { maskValue } from './mask';

describe('maskValue', () => {
  it.each([
    ['john@example.com', 'email', 'j***@e******.com'],
    ['4242 4242 4242 4242', 'card', '**** **** **** 4242'],
    ['4242424242424242', 'card', '************4242'],
    ['536-90-4399', 'last4', '***-**-*399'], // at most a third of the digits
    ['DE89370400440532013000', 'last4', '******************3000'],
    ['12', 'last4', '**'],
    ['Maria Garcia', 'initials', 'M**** G*****'],
    ['SW1A 1AA', 'prefix', 'SW** ***'],
    ['1985-04-12', 'date', '1985-**-**'],
    ['12/04/1985', 'date', '**/**/1985'],
    ['192.168.10.20', 'ip', '192.*.*.*'],
    ['2001:db8::1', 'ip', '2001:*:*:*'],
    ['48.85661, 2.35222', 'geo', '48.8***, 2.3***'],
    ['hunter2', 'password', '********'],
    ['$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW', 'password', '$2b$12$****'],
    ['$argon2id$v=19$m=65536,t=3,p=4$c29tZQ$abc', 'password', '$argon2id$v=19$****'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA', 'pem', '-----BEGIN RSA PRIVATE KEY----- [redacted]'],
    ['female', 'category', 'female'],
    ['123', 'full', '***'],
  ] as const)('%s (%s) → %s', (v, style, out) => expect(maskValue(v, style)).toBe(out));

  it('never shows more than a third of a secret and never its tail', () => {
    const token = 'sk' + '_live_' + '4eC39HqLyjWDarjtT1zdp7dc';
    const masked = maskValue(token, 'secret');
    expect(masked.startsWith('sk_l')).toBe(true);
    expect(masked).not.toContain('p7dc');
    expect(masked).toContain(`(${token.length} chars)`);
  });
});
