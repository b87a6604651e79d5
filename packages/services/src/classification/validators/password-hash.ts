/**
 * Password-hash formats by their self-describing prefixes: modular crypt
 * (`$2b$`, `$argon2id$`, `$6$`…), Django/Werkzeug/passlib PBKDF2 and scrypt,
 * and LDAP `{SSHA}`. Salted, slow schemes are named; a bare hex digest is
 * reported separately because an unsalted fast hash of a password is
 * itself a finding.
 */
const FORMATS: ReadonlyArray<readonly [string, RegExp]> = [
  ['bcrypt', /^\$2[abxy]?\$[0-9]{2}\$[./A-Za-z0-9]{53}$/],
  ['argon2', /^\$argon2(?:id|i|d)\$(?:v=[0-9]+\$)?m=[0-9]+,t=[0-9]+,p=[0-9]+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/],
  ['scrypt', /^\$(?:scrypt\$|7\$)[A-Za-z0-9./$=+,-]{20,}$/],
  ['yescrypt', /^\$y\$[./A-Za-z0-9]+\$[./A-Za-z0-9]+\$[./A-Za-z0-9]{20,}$/],
  ['sha-crypt', /^\$[56]\$(?:rounds=[0-9]+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}$/],
  ['md5-crypt', /^\$(?:1|apr1)\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}$/],
  ['pbkdf2', /^(?:pbkdf2_sha(?:1|256|512)\$[0-9]+\$[^$]+\$[A-Za-z0-9+/=]+|\$pbkdf2(?:-sha(?:1|256|512))?\$[0-9]+\$[A-Za-z0-9./+=]+\$[A-Za-z0-9./+=]+|pbkdf2:sha(?:1|256|512)(?::[0-9]+)?\$[^$]+\$[0-9a-f]+)$/],
  ['scrypt', /^scrypt:[0-9]+:[0-9]+:[0-9]+\$[^$]+\$[0-9a-f]+$/],
  ['LDAP hash', /^\{(?:SSHA|SHA|SSHA256|SSHA512|SHA256|SHA512|MD5|SMD5|CRYPT|PBKDF2[A-Z0-9-]*)\}[A-Za-z0-9+/=.$]+$/i],
];

/** Name of the salted hash scheme `value` is in (`bcrypt`, `argon2`…), or undefined. */
export function passwordHashScheme(value: string): string | undefined {
  const c = value.charCodeAt(0);
  if (c !== 36 /* $ */ && c !== 112 /* p */ && c !== 115 /* s */ && c !== 123 /* { */) return undefined;
  for (const [kind, re] of FORMATS) if (re.test(value)) return kind;
  return undefined;
}

/** MD5/SHA-1/SHA-256/SHA-512 hex digests (unsalted fast hashes), or bytea hex `\x…`. */
export function isHexDigest(value: string): boolean {
  const v = value.startsWith('\\x') ? value.slice(2) : value;
  const n = v.length;
  return (n === 32 || n === 40 || n === 64 || n === 128) && /^[0-9a-fA-F]+$/.test(v);
}
