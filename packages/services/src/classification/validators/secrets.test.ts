import { describe, expect, it } from 'vitest';
import { findKnownToken, isHighEntropySecret, knownTokenKind, privateKeyHeader } from './api-keys';
import { shannonEntropy } from './entropy';
import { isHexDigest, passwordHashScheme } from './password-hash';

// Built by concatenation so secret scanners do not mistake fixtures for leaks.
const A36 = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
export const FAKE = {
  aws: 'AKIA' + 'IOSFODNN7EXAMPLE',
  github: 'ghp' + '_' + A36,
  githubPat: 'github' + '_pat_' + '11ABCDEFG0' + 'x'.repeat(72),
  stripe: 'sk' + '_live_' + '4eC39HqLyjWDarjtT1zdp7dc',
  slack: 'xox' + 'b-' + '1234567890-1234567890123-' + 'AbCdEfGhIjKlMnOpQrStUvWx',
  google: 'AIza' + 'SyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY',
  jwt: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9' + '.' + 'eyJzdWIiOiIxMjM0NTY3ODkwIn0' + '.' + 'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  sendgrid: 'SG' + '.' + 'ngeVfQFYQlKU0ufo8x5d1A' + '.' + 'TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr',
  npm: 'npm' + '_' + A36,
};

describe('knownTokenKind', () => {
  it.each([
    [FAKE.aws, 'AWS access key id'],
    [FAKE.github, 'GitHub token'],
    [FAKE.githubPat, 'GitHub fine-grained token'],
    [FAKE.stripe, 'Stripe key'],
    [FAKE.slack, 'Slack token'],
    [FAKE.google, 'Google API key'],
    [FAKE.jwt, 'JSON Web Token'],
    [FAKE.sendgrid, 'SendGrid key'],
    [FAKE.npm, 'npm token'],
  ])('recognises %s', (v, kind) => expect(knownTokenKind(v)).toBe(kind));

  it.each([
    'AKIA' + 'iosfodnn7example',
    'ghp_short',
    'eyJub3QiOiJhIGp3dCJ9.eyJzdWIiOiIxIn0.sig', // header without alg
    'eyJhbGciOiJIUzI1NiJ9',
    'hello world this is not a key',
    '550e8400-e29b-41d4-a716-446655440000',
  ])('does not recognise %s', (v) => expect(knownTokenKind(v)).toBeUndefined());

  it('finds a token inside text', () => {
    expect(findKnownToken(`export STRIPE_KEY="${FAKE.stripe}" # prod`)).toBe(FAKE.stripe);
    expect(findKnownToken('nothing to see here, move along please')).toBeUndefined();
  });
});

describe('high-entropy secrets', () => {
  it('Shannon entropy', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('ééaa')).toBe(1);
  });

  it('accepts random-looking tokens, rejects words, UUIDs and low-entropy strings', () => {
    expect(isHighEntropySecret('q8Z3xV7mK2pL9wR4tY6uB1nC5')).toBe(true);
    expect(isHighEntropySecret('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')).toBe(true);
    expect(isHighEntropySecret('550e8400-e29b-41d4-a716-446655440000')).toBe(false);
    expect(isHighEntropySecret('aaaaaaaaaaaaaaaaaaaaaaaaa1')).toBe(false);
    expect(isHighEntropySecret('the quick brown fox jumps')).toBe(false);
    expect(isHighEntropySecret('abcdefghijklmnopqrstuvwxyz')).toBe(false); // no digits
    expect(isHighEntropySecret('short1A')).toBe(false);
  });
});

describe('password hashes', () => {
  it.each([
    ['$2b$12$' + 'R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW', 'bcrypt'],
    ['$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG', 'argon2'],
    ['pbkdf2_sha256$600000$NqkJ3vH0lJ3g$u5N0rD2yW4Y0m9zJ8lH1tq3Ck1v8b2sQ1pA4w6E7r8Y=', 'pbkdf2'],
    ['$pbkdf2-sha256$29000$N2bsfQ8BIGSM0Tpn7D0HIA$6fG1wXRYqA2mGmI2sZ0I1vZ4bQqhjZkkVuxTqHq0a0E', 'pbkdf2'],
    ['pbkdf2:sha256:600000$saltsalt$' + 'ab'.repeat(32), 'pbkdf2'],
    ['$6$rounds=5000$saltsalt$' + 'a'.repeat(86), 'sha-crypt'],
    ['$5$saltsalt$' + 'b'.repeat(43), 'sha-crypt'],
    ['$1$saltsalt$' + 'c'.repeat(22), 'md5-crypt'],
    ['{SSHA}' + 'W6ph5Mm5Pz8GgiULbPgzG37mj9g=', 'LDAP hash'],
  ])('%s is %s', (v, scheme) => expect(passwordHashScheme(v)).toBe(scheme));

  it('ignores plain strings and digests (they are judged by the column name)', () => {
    expect(passwordHashScheme('hunter2')).toBeUndefined();
    expect(passwordHashScheme('$2b$12$short')).toBeUndefined();
    expect(isHexDigest('5f4dcc3b5aa765d61d8327deb882cf99')).toBe(true);
    expect(isHexDigest('\\x5f4dcc3b5aa765d61d8327deb882cf99')).toBe(true);
    expect(isHexDigest('5f4dcc3b5aa765d61d8327deb882cf9')).toBe(false);
  });
});

describe('privateKeyHeader', () => {
  it('finds PEM, OpenSSH and PGP private key headers but not public keys or certificates', () => {
    expect(privateKeyHeader('-----BEGIN RSA PRIVATE KEY-----\nMIIE...')).toBe('-----BEGIN RSA PRIVATE KEY-----');
    expect(privateKeyHeader('-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl')).toBe('-----BEGIN OPENSSH PRIVATE KEY-----');
    expect(privateKeyHeader('-----BEGIN PGP PRIVATE KEY BLOCK-----')).toBe('-----BEGIN PGP PRIVATE KEY BLOCK-----');
    expect(privateKeyHeader('-----BEGIN PUBLIC KEY-----\nMIIB')).toBeUndefined();
    expect(privateKeyHeader('-----BEGIN CERTIFICATE-----\nMIIB')).toBeUndefined();
    expect(privateKeyHeader('no key')).toBeUndefined();
  });
});
