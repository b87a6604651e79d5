import { defineDetector, namePatterns, tokens } from '../detector';
import { privateKeyHeader } from '../validators/api-keys';

export const privateKeyDetector = defineDetector({
  id: 'builtin.private-key',
  label: 'Secret.PrivateKey',
  version: 1,
  noun: 'private keys',
  validation: 'a PEM/OpenSSH/PGP "BEGIN … PRIVATE KEY" block or a PuTTY key file',
  namePatterns: namePatterns(
    tokens(
      'private_?keys?|privkey|priv_?key|ssh_?(private_?)?key|rsa_?key|pem|key_?pem|tls_?key|ssl_?key|' +
        'certificate_?key|client_?key|server_?key|key_?material|keypair|key_?pair|p12|pfx|signing_?private_?key',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      'id|ids|name|type|fingerprint|hash|count|status|is|has|flag|at|date|public|pub|length|len|size|bits|' +
        'algorithm|algo|path|file|filename|location|url|expires|expiry|passphrase_?hint',
    ),
  ),
  allowedTypes: ['string', 'other', 'binary'],
  valueMatcher(value, ctx) {
    if (value.length < 100) return 'nomatch';
    const header = privateKeyHeader(value);
    if (!header) return 'nomatch';
    if (ctx) ctx.kind = header.replace(/-/g, '').replace(/^BEGIN /, '').trim();
    return 'match';
  },
  // One private key is conclusive: a settings table with three rows, one of them a key, holds a key.
  scoring: 'presence',
  minNonNull: 1,
  minHits: 1,
  minMatchRate: 0.01,
  minMatchRateNamed: 0.01,
  maskStyle: 'pem',
});
