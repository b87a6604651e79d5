/**
 * What went wrong talking to the model, in words a steward can act on. The
 * raw provider errors say "fetch failed" or dump a JSON body; these name the
 * server, the status and the setting to check.
 */
import { APICallError, RetryError } from 'ai';

const causeCode = (e: unknown): string | undefined => {
  for (let c: unknown = e, i = 0; c && i < 5; c = (c as { cause?: unknown }).cause, i++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
};

const seconds = (ms: number) =>
  ms < 10_000 ? (ms / 1000).toFixed(1).replace(/\.0$/, '') : String(Math.round(ms / 1000));

const isAbort = (e: unknown) =>
  e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError');

/** The provider's own message from an OpenAI-style `{ error: { message } }` body, if there is one. */
function bodyMessage(e: APICallError): string | null {
  try {
    const m = (JSON.parse(e.responseBody ?? '') as { error?: { message?: unknown } }).error
      ?.message;
    return typeof m === 'string' && m ? m.slice(0, 300) : null;
  } catch {
    return null;
  }
}

export function describeModelError(
  error: unknown,
  where: { baseURL: string; model: string; timeoutMs: number },
): string {
  const e = RetryError.isInstance(error) ? (error.lastError ?? error) : error;
  if (isAbort(e))
    return `The model did not answer within ${seconds(where.timeoutMs)} s (${where.baseURL}); try again, or a smaller question.`;
  if (APICallError.isInstance(e)) {
    const said = bodyMessage(e);
    const suffix = said ? `: ${said}` : '';
    if (e.statusCode === 401 || e.statusCode === 403)
      return `The model server refused the API key (HTTP ${e.statusCode})${suffix}. Check RACINE_AI_API_KEY.`;
    if (e.statusCode === 404)
      return `The model server has no model "${where.model}" (HTTP 404)${suffix}. Check RACINE_AI_MODEL and RACINE_AI_BASE_URL.`;
    if (e.statusCode === 429)
      return `The model server is rate-limiting Racine (HTTP 429)${suffix}. Try again in a moment.`;
    if (e.statusCode) return `The model server answered HTTP ${e.statusCode}${suffix}.`;
  }
  const code = causeCode(e);
  if (
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'EAI_AGAIN' ||
    code === 'ECONNRESET' ||
    code === 'UND_ERR_SOCKET'
  )
    return `Could not reach the model server at ${where.baseURL} (${code}). Is it running? Check RACINE_AI_BASE_URL.`;
  if (isAbort((e as { cause?: unknown })?.cause))
    return `The model did not answer within ${seconds(where.timeoutMs)} s (${where.baseURL}).`;
  const message = e instanceof Error ? e.message : String(e);
  return `The model failed: ${message.slice(0, 300)}`;
}
