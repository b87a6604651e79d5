/**
 * Masking for evidence examples. Evidence is shown to reviewers and stored,
 * so an example must show the *shape* of what matched without the value:
 * every style below reveals at most a few characters, and never more than
 * about a third of a value.
 */
export type MaskStyle =
  | 'email' // j***@e******.com
  | 'card' // **** **** **** 4242
  | 'last4' // ***-**-*789: the last 4 alphanumerics, but never more than a third of them
  | 'initials' // J*** S****
  | 'prefix' // SW** ***
  | 'date' // 1985-**-**
  | 'ip' // 192.*.*.*
  | 'geo' // 48.8***
  | 'secret' // ghp_************…(40 chars)
  | 'password' // $2b$12$**** or ********
  | 'pem' // -----BEGIN RSA PRIVATE KEY----- [redacted]
  | 'category' // shown as is: a category value (female, Catholic, E11.9) identifies nobody alone
  | 'full'; // ***

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

/** Replaces every alphanumeric char with `*` except the last `keep` ones; separators stay. */
export function maskAllButLast(value: string, keep: number): string {
  let alnum = 0;
  for (let i = 0; i < value.length; i++) if (isAlnum(value.charCodeAt(i))) alnum++;
  const k = Math.min(keep, Math.floor(alnum / 3));
  let seen = 0;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (isAlnum(c)) {
      seen++;
      out += seen > alnum - k ? value[i] : '*';
    } else out += value[i];
  }
  return out;
}

/** Keeps the first `keep` alphanumerics; masks the rest; separators stay. */
export function maskAllButFirst(value: string, keep: number): string {
  let seen = 0;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (isAlnum(c)) out += seen++ < keep ? value[i] : '*';
    else out += value[i];
  }
  return out;
}

/** First char of each word, the rest starred: `Maria Garcia` → `M**** G*****`. */
function initials(value: string): string {
  let out = '';
  let start = true;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (isAlnum(c)) {
      out += start ? value[i] : '*';
      start = false;
    } else {
      out += value[i];
      start = true;
    }
  }
  return out;
}

function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 1) return initials(value);
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  const tld = labels.pop() ?? '';
  const masked = labels.map((l) => (l.length ? l[0] + '*'.repeat(l.length - 1) : l));
  return `${local[0]}${'*'.repeat(local.length - 1)}@${[...masked, tld].join('.')}`;
}

function maskDate(value: string): string {
  // Keep a 4-digit year, star every other digit: `1985-04-12` → `1985-**-**`.
  return value.replace(/\d{4}|\d/g, (m) => (m.length === 4 ? m : '*'));
}

function maskIp(value: string): string {
  if (value.includes(':')) {
    const first = value.split(':')[0] || '';
    return `${first}:*:*:*`;
  }
  const first = value.split('.')[0] ?? '';
  return `${first}.*.*.*`;
}

function maskSecret(value: string): string {
  return `${value.slice(0, 4)}${'*'.repeat(Math.min(12, Math.max(0, value.length - 4)))}…(${value.length} chars)`;
}

function maskPassword(value: string): string {
  const scheme = /^(\$[A-Za-z0-9-]+\$(?:v=[0-9]+\$)?(?:[0-9]{2}\$|rounds=[0-9]+\$)?|[a-z0-9]+[_:]sha[0-9]+[$:]|\{[A-Za-z0-9-]+\})/.exec(value);
  return scheme ? `${scheme[1]}****` : '********';
}

export function maskValue(value: string, style: MaskStyle): string {
  switch (style) {
    case 'email':
      return maskEmail(value);
    case 'card':
    case 'last4':
      return maskAllButLast(value, 4);
    case 'initials':
      return initials(value);
    case 'prefix':
      return maskAllButFirst(value, 2);
    case 'date':
      return maskDate(value);
    case 'ip':
      return maskIp(value);
    case 'geo':
      return value.replace(/(\.\d)\d+/g, (_m, keep: string) => `${keep}***`);
    case 'secret':
      return maskSecret(value);
    case 'password':
      return maskPassword(value);
    case 'pem': {
      const header = /-----BEGIN [A-Z ]+-----/.exec(value);
      return `${header ? header[0] : value.slice(0, 20)} [redacted]`;
    }
    case 'category':
      return value.length > 40 ? `${value.slice(0, 40)}…` : value;
    case 'full':
      return '*'.repeat(Math.min(value.length, 8));
  }
}
