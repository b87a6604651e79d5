import { describe, expect, it } from 'vitest';
import { matchContext } from '../detector';
import { col, cycle, generate, labels, suggestion } from '../testing';
import { apiKeyDetector } from './api-key';
import { passwordDetector } from './password';
import { privateKeyDetector } from './private-key';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./';
const bcrypt = generate(100, (_i, r) => '$2b$12$' + Array.from({ length: 53 }, () => B64[Math.floor(r() * 64)]).join(''));
const randomToken = (r: () => number, n: number) => Array.from({ length: n }, () => B64[Math.floor(r() * 62)]).join('');

describe('Secret.Password detector', () => {
  it('labels hashed-password columns, and bcrypt anywhere', () => {
    expect(labels(col('password_hash', 'string'), bcrypt)).toEqual(['Secret.Password']);
    expect(labels(col('c', 'string'), bcrypt)).toEqual(['Secret.Password']);
    expect(suggestion('Secret.Password', col('pwd', 'string'), bcrypt)!.evidence.kinds).toEqual({ bcrypt: 100 });
  });

  it('flags plain-text passwords in a password column as such', () => {
    const plain = generate(100, (i, r) => `${['summer', 'Passw0rd', 'letmein', 'dragon'][i % 4]}${Math.floor(r() * 1000)}!`);
    const s = suggestion('Secret.Password', col('password', 'string'), plain)!;
    expect(s.evidence.kinds).toEqual({ 'plain text': 100 });
    expect(s.evidence.maskedExamples).toEqual(['********']);
  });

  it('an empty password column is still suggested from its name; a password policy column is not', () => {
    expect(labels(col('password', 'string'), [])).toEqual(['Secret.Password']);
    expect(labels(col('password_changed_at', 'timestamp'), generate(50, (i) => new Date(1.7e12 + i)))).toEqual([]);
    expect(labels(col('password_policy', 'string'), cycle(['strict', 'default'], 100))).toEqual([]);
    expect(labels(col('password_reset_required', 'boolean'), cycle([true, false], 100))).toEqual([]);
    expect(labels(col('password', 'string'), cycle(['Y', 'N'], 100))).toEqual([]); // a flag, whatever it is called
  });

  it('plain text is a password only where the name says so', () => {
    expect(passwordDetector.valueMatcher('hunter22')).toBe('nomatch');
    const named = matchContext({ nameSignal: 'positive' });
    expect(passwordDetector.valueMatcher('hunter22', named)).toBe('match');
    expect(named.kind).toBe('plain text');
    expect(passwordDetector.valueMatcher('5f4dcc3b5aa765d61d8327deb882cf99', named)).toBe('match');
    expect(named.kind).toBe('unsalted hex digest');
  });
});

describe('Secret.ApiKey detector', () => {
  const stripe = generate(100, (_i, r) => 'sk' + '_live_' + randomToken(r, 24));
  const aws = generate(100, (_i, r) => 'AKIA' + Array.from({ length: 16 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[Math.floor(r() * 32)]).join(''));

  it('labels documented token formats anywhere', () => {
    expect(labels(col('c', 'string'), stripe)).toEqual(['Secret.ApiKey']);
    expect(labels(col('aws_access_key_id', 'string'), aws)).toEqual(['Secret.ApiKey']);
    expect(suggestion('Secret.ApiKey', col('c', 'string'), [...stripe.slice(0, 50), ...aws.slice(0, 50)])!.evidence.kinds).toEqual({
      'Stripe key': 50,
      'AWS access key id': 50,
    });
  });

  it('labels high-entropy strings only in a key/token column', () => {
    const tokens = generate(100, (_i, r) => randomToken(r, 40));
    expect(labels(col('api_token', 'string'), tokens)).toEqual(['Secret.ApiKey']);
    expect(labels(col('c', 'string'), tokens)).toEqual([]);
    expect(labels(col('token_hash', 'string'), tokens)).toEqual([]); // a hash of a token is not the token
  });

  it('does not label UUIDs, token types or expiry columns', () => {
    const uuids = generate(100, (i) => `550e8400-e29b-41d4-a716-${String(446655440000 + i).padStart(12, '0')}`);
    expect(labels(col('api_key', 'uuid'), uuids)).toEqual([]);
    expect(labels(col('access_token', 'string'), uuids)).toEqual([]);
    expect(labels(col('token_type', 'string'), cycle(['bearer', 'refresh'], 100))).toEqual([]);
    expect(labels(col('token_expires_at', 'timestamp'), generate(100, (i) => new Date(1.7e12 + i)))).toEqual([]);
  });

  it('finds keys pasted into config text', () => {
    const cfg = generate(40, (i) => (i % 4 === 0 ? `STRIPE_KEY=${stripe[i]}\nDEBUG=false` : 'DEBUG=true'));
    expect(suggestion('Secret.ApiKey', col('env_file', 'string'), cfg)!.evidence.matchMode).toBe('contains');
  });

  it('masks keys to their prefix', () => {
    const s = suggestion('Secret.ApiKey', col('c', 'string'), stripe)!;
    for (const m of s.evidence.maskedExamples) expect(m).toMatch(/^sk_l\*+…\(32 chars\)$/);
  });

  it('valueMatcher', () => {
    expect(apiKeyDetector.valueMatcher(stripe[0]!)).toBe('match');
    expect(apiKeyDetector.valueMatcher('not a key at all')).toBe('nomatch');
  });
});

describe('Secret.PrivateKey detector', () => {
  const pem = (i: number) => `-----BEGIN RSA PRIVATE KEY-----\n${'MIIEpAIBAAKCAQEA'.repeat(8)}${i}\n-----END RSA PRIVATE KEY-----`;

  it('one private key is enough, even in a tiny table', () => {
    expect(labels(col('value', 'string', { table: 'settings' }), ['true', pem(1), 'https://example.com'])).toEqual(['Secret.PrivateKey']);
    expect(labels(col('ssh_key', 'binary'), [new TextEncoder().encode(pem(2))])).toEqual(['Secret.PrivateKey']);
  });

  it('public keys and certificates are not private keys', () => {
    const pub = generate(20, (i) => `-----BEGIN PUBLIC KEY-----\n${'MIIBIjANBgkqhkiG9w0B'.repeat(6)}${i}\n-----END PUBLIC KEY-----`);
    expect(labels(col('public_key', 'string'), pub)).toEqual([]);
    expect(labels(col('cert', 'string'), pub.map((p) => p.replace(/PUBLIC KEY/g, 'CERTIFICATE')))).toEqual([]);
  });

  it('valueMatcher masks to the header', () => {
    expect(privateKeyDetector.valueMatcher(pem(3))).toBe('match');
    expect(privateKeyDetector.valueMatcher('-----BEGIN PRIVATE KEY-----')).toBe('nomatch'); // too short to be a key
    const s = suggestion('Secret.PrivateKey', col('k', 'string'), [pem(4)])!;
    expect(s.evidence.maskedExamples).toEqual(['-----BEGIN RSA PRIVATE KEY----- [redacted]']);
  });
});
