import { defineDetector, namePatterns, tokens } from '../detector';
import { findKnownToken, isHighEntropySecret, knownTokenKind } from '../validators/api-keys';
import { TEXT_TYPES } from './common';

export const apiKeyDetector = defineDetector({
  id: 'builtin.api-key',
  label: 'Secret.ApiKey',
  version: 1,
  noun: 'API keys or tokens',
  validation:
    'documented token formats (AWS, GitHub, GitLab, Stripe, Slack, Google, OpenAI, Anthropic, SendGrid, Twilio, npm, Shopify, JWT…) or, in a key/token-named column, Shannon entropy ≥ 3.5 bits/char (3.0 for hex)',
  namePatterns: namePatterns(
    tokens(
      'api_?keys?|apikeys?|api_?secret|api_?token|access_?key(_?id)?|secret_?key|secret_?access_?key|client_?secret|' +
        'app_?secret|consumer_?secret|consumer_?key|auth_?token|access_?token|refresh_?token|bearer_?token|bearer|' +
        'id_?token|session_?token|oauth_?token|tokens?|private_?token|personal_?access_?token|secret|secrets|' +
        'credentials?|webhook_?secret|signing_?secret|signing_?key|encryption_?key|master_?key|license_?key|jwt|' +
        'hmac_?key|hmac_?secret|shared_?secret|aws_?secret|aws_?access_?key|service_?key|deploy_?key|push_?token',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      'type|types|kind|name|names|label|description|desc|count|cnt|status|is|has|flag|at|date|time|expires|expiry|' +
        'expiration|expired|ttl|lifetime|scope|scopes|prefix|suffix|last_?4|last4|last_?used|hash|hashed|digest|' +
        'sha\\d*|fingerprint|hint|masked|redacted|id|ids|version|rotation|rotated|issuer|audience|url|endpoint|' +
        'length|len|enabled|revoked|usage|used|limit|quota|owner|by|arn|path|ref|reference|vault|kms',
    ),
  ),
  allowedTypes: TEXT_TYPES,
  valueMatcher(value, ctx) {
    const kind = knownTokenKind(value);
    if (kind) {
      if (ctx) ctx.kind = kind;
      return 'match';
    }
    if (ctx?.nameSignal === 'positive' && isHighEntropySecret(value)) {
      ctx.kind = 'high-entropy string';
      return 'match';
    }
    return 'nomatch';
  },
  containsMatcher: findKnownToken,
  minHits: 3,
  minMatchRate: 0.6,
  minMatchRateNamed: 0.5,
  cardinality: { minDistinct: 2, minDistinctRatio: 0.3 },
  maskStyle: 'secret',
});
