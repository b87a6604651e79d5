import { defineDetector, namePatterns, tokens } from '../detector';
import { isHexDigest, passwordHashScheme } from '../validators/password-hash';

const MASKED = /^(?:\*+|•+|x{4,}|redacted|\[redacted\]|<redacted>|hidden|secret|\*\*\*\*\*\*\*\*)$/i;

/**
 * Passwords. Self-describing hash formats ($2b$, $argon2id$, pbkdf2_sha256$…)
 * are passwords wherever they appear. In a password-named column, anything
 * else counts too — an unsalted hex digest or, worst, plain text — and the
 * kind tally says which, because "stored in plain text" is the finding.
 */
export const passwordDetector = defineDetector({
  id: 'builtin.password',
  label: 'Secret.Password',
  version: 1,
  noun: 'passwords or password hashes',
  validation: 'a password hash format (bcrypt, argon2, scrypt, PBKDF2, sha-crypt, LDAP) or, in a password-named column, any secret-like value',
  namePatterns: namePatterns(
    tokens(
      'passwords?|passwd|pass_?word|pwd|pword|passcode|pass_?code|pass_?hash|password_?(hash|digest|encrypted|crypt)|' +
        '(hashed|encrypted|crypted|salted)_?(password|passwd|pwd)|mot_?de_?passe|mdp|contrasena|contrasenya|' +
        'kennwort|passwort|wachtwoord|senha|parola_?d_?ordine|(user|login|db|admin|root|account|smtp|ftp)_?(password|passwd|pwd)|' +
        '(card|atm|user|account|secure)_?pin|pin_?(hash|hashed|encrypted|block)|encrypted_?pin',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      'at|on|date|dt|time|ts|changed|change|updated|reset|resets|expires|expiry|expiration|expired|last|policy|' +
        'hint|hints|question|answer|length|len|strength|score|attempts|attempt|tries|failures|failed|count|cnt|' +
        'required|flag|is|has|needs|must|enabled|rotation|rotated|age|history|algo|algorithm|scheme|format|type|' +
        'version|salt|rounds|cost|set|never_?expires|temporary|temp|sent|reset_?token|link|url|manager|vault|' +
        'protected|by|id|ids|min|max|complexity|rule|rules',
    ),
  ),
  allowedTypes: ['string', 'other', 'binary'],
  // A hash format stands alone; a bare string is a password only where the name says so.
  valueMatcher(value, ctx) {
    const scheme = passwordHashScheme(value);
    if (scheme) {
      if (ctx) ctx.kind = scheme;
      return 'match';
    }
    if (ctx?.nameSignal !== 'positive') return 'nomatch';
    if (isHexDigest(value)) ctx.kind = 'unsalted hex digest';
    else if (MASKED.test(value)) ctx.kind = 'masked placeholder';
    else if (value.length >= 4 && value.length <= 128) ctx.kind = 'plain text';
    else return 'nomatch';
    return 'match';
  },
  nameOnly: true,
  minHits: 3,
  minMatchRate: 0.6,
  minMatchRateNamed: 0.5,
  // Salted hashes are unique; a "password" column with three distinct values is a flag or an enum.
  cardinality: { minDistinct: 3, minDistinctRatio: 0.3 },
  maskStyle: 'password',
});
