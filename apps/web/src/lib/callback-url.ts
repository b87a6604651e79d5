/** Only same-site paths: an absolute or protocol-relative URL would be an open redirect. */
export function safeCallbackUrl(value: string | undefined | null): string {
  if (!value) return '/';
  try {
    if (value.startsWith('/') && !value.startsWith('//')) return value;
    const url = new URL(value);
    // next-auth sometimes hands back absolute URLs on our own origin: keep their path only.
    return url.pathname + url.search + url.hash || '/';
  } catch {
    return '/';
  }
}
