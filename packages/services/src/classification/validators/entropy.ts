/**
 * Shannon entropy in bits per character, H = −Σ p·log2 p over the string's
 * character frequencies. Random base64 sits near 5.5–6 for long strings,
 * random hex near 4, English words near 2.5–3.5. Uses a shared counts
 * table for ASCII so a call allocates nothing.
 */
const counts = new Uint16Array(128);

export function shannonEntropy(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  let ascii = true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) {
      ascii = false;
      break;
    }
    counts[c]!++;
  }
  if (!ascii) {
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 128) counts[c] = 0;
    }
    const m = new Map<string, number>();
    for (const ch of s) m.set(ch, (m.get(ch) ?? 0) + 1);
    let h = 0;
    for (const k of m.values()) h -= (k / n) * Math.log2(k / n);
    return h;
  }
  let h = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const k = counts[c]!;
    if (k > 0) {
      h -= (k / n) * Math.log2(k / n);
      counts[c] = 0;
    }
  }
  return h;
}
