import { shannonEntropy } from './entropy';

/** Token formats documented by their issuers; each is distinctive enough to stand alone. */
const KNOWN: ReadonlyArray<readonly [string, RegExp]> = [
  ['AWS access key id', /^(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z2-7]{16}$/],
  ['GitHub token', /^gh[pousr]_[A-Za-z0-9]{36,251}$/],
  ['GitHub fine-grained token', /^github_pat_[A-Za-z0-9_]{22,255}$/],
  ['GitLab token', /^glpat-[A-Za-z0-9_-]{20,}$/],
  ['Stripe key', /^(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,247}$/],
  ['Stripe webhook secret', /^whsec_[A-Za-z0-9]{24,}$/],
  ['Slack token', /^xox[abeoprs]-[A-Za-z0-9-]{10,}$/],
  ['Google API key', /^AIza[0-9A-Za-z_-]{35}$/],
  ['OpenAI key', /^sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}$|^sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}$/],
  ['Anthropic key', /^sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{20,}$/],
  ['SendGrid key', /^SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/],
  ['Twilio API key', /^SK[0-9a-f]{32}$/],
  ['npm token', /^npm_[A-Za-z0-9]{36}$/],
  ['Shopify token', /^shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}$/],
  ['Mailgun key', /^key-[0-9a-zA-Z]{32}$/],
  ['Hugging Face token', /^hf_[A-Za-z0-9]{30,}$/],
  ['DigitalOcean token', /^do[por]_v1_[a-f0-9]{64}$/],
];

// Quick gate: every known format starts with one of these.
const KNOWN_START = /^(?:A[A-Z]{3}|AI|gh|gi|gl|sk|pk|rk|wh|xo|SG|SK|np|sh|ke|hf|do)/;
const JWT = /^eyJ[A-Za-z0-9_-]{6,}\.eyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{0,1024}$/;

/** The name of the documented token format `value` is in, or undefined. JWTs must have a JSON header with `alg`. */
export function knownTokenKind(value: string): string | undefined {
  const n = value.length;
  if (n < 20 || n > 4096) return undefined;
  if (value.charCodeAt(0) === 101 /* e */ && JWT.test(value)) {
    const dot = value.indexOf('.');
    try {
      const header = JSON.parse(Buffer.from(value.slice(0, dot), 'base64url').toString('utf8')) as unknown;
      return header && typeof header === 'object' && 'alg' in header ? 'JSON Web Token' : undefined;
    } catch {
      return undefined;
    }
  }
  if (!KNOWN_START.test(value)) return undefined;
  for (const [kind, re] of KNOWN) if (re.test(value)) return kind;
  return undefined;
}

/** The first documented-format token inside free text (whitespace/quote separated), or undefined. */
export function findKnownToken(text: string): string | undefined {
  if (text.length < 20) return undefined;
  const parts = text.split(/[\s"'`,;=()<>[\]{}]+/);
  for (const p of parts) if (p.length >= 20 && knownTokenKind(p)) return p;
  return undefined;
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const TOKEN_CHARS = /^[A-Za-z0-9+/=_.~-]+$/;
const HEX = /^[0-9a-fA-F]+$/;

/** Entropy floors (bits/char): random base64/base62 strings of 20+ chars clear 3.5; hex tops out at 4, so it gets 3.0 and 32+ chars. */
export const GENERIC_SECRET_MIN_ENTROPY = 3.5;
export const GENERIC_HEX_SECRET_MIN_ENTROPY = 3.0;

/**
 * A string that could be a machine-generated secret: 20–512 token chars, no
 * spaces, letters and digits mixed, not a UUID, and Shannon entropy above
 * the floor. Callers use it only in a column whose name says key/token/secret:
 * hashes, ids and encoded blobs are high-entropy too.
 */
export function isHighEntropySecret(value: string): boolean {
  const n = value.length;
  if (n < 20 || n > 512 || !TOKEN_CHARS.test(value) || UUID.test(value)) return false;
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  if (HEX.test(value)) return n >= 32 && shannonEntropy(value) >= GENERIC_HEX_SECRET_MIN_ENTROPY;
  return shannonEntropy(value) >= GENERIC_SECRET_MIN_ENTROPY;
}

const PEM_PRIVATE = /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/;

/** The PEM/OpenSSH/PGP private-key header inside `value`, or undefined. */
export function privateKeyHeader(value: string): string | undefined {
  const i = value.indexOf('-----BEGIN ');
  if (i < 0) return undefined;
  const m = PEM_PRIVATE.exec(value.slice(i, i + 60));
  if (m) return m[0];
  return value.startsWith('PuTTY-User-Key-File-') ? 'PuTTY-User-Key-File' : undefined;
}
