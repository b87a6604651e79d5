/**
 * Which model the assistant talks to, from the environment. Any server that
 * speaks the OpenAI chat-completions protocol works (OpenAI, Azure OpenAI,
 * Ollama, vLLM, LM Studio…), so three variables are enough. Unset is the
 * default: the assistant then runs its built-in engine.
 */
import { z } from 'zod';
import { AppError } from '../../errors';

export interface ModelConfig {
  /** The API root the provider appends `/chat/completions` to, e.g. `https://api.openai.com/v1` or `http://localhost:11434/v1`. */
  baseURL: string;
  /** Sent as `Authorization: Bearer …`; local servers (Ollama, vLLM) usually need none. */
  apiKey?: string;
  model: string;
}

const modelEnv = z.object({
  RACINE_AI_BASE_URL: z
    .string()
    .trim()
    .url('RACINE_AI_BASE_URL must be a URL, e.g. http://localhost:11434/v1'),
  RACINE_AI_MODEL: z
    .string()
    .trim()
    .min(1, 'RACINE_AI_MODEL must name a model, e.g. gpt-4o-mini or llama3.1'),
  RACINE_AI_API_KEY: z.string().trim().optional(),
});

/**
 * The configured model, or null when neither the base URL nor the model is set.
 * Half a configuration (one of the two, or a malformed URL) is an error rather
 * than a silent fall back to the built-in engine, so a typo is noticed.
 */
export function modelConfigFromEnv(
  env: Record<string, string | undefined> = process.env,
): ModelConfig | null {
  const baseURL = env.RACINE_AI_BASE_URL?.trim();
  const model = env.RACINE_AI_MODEL?.trim();
  if (!baseURL && !model) return null;
  const parsed = modelEnv.safeParse({
    RACINE_AI_BASE_URL: baseURL ?? '',
    RACINE_AI_MODEL: model ?? '',
    RACINE_AI_API_KEY: env.RACINE_AI_API_KEY,
  });
  if (!parsed.success)
    throw new AppError(
      'PRECONDITION_FAILED',
      `The assistant's model is half configured: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    );
  const { RACINE_AI_BASE_URL, RACINE_AI_MODEL, RACINE_AI_API_KEY } = parsed.data;
  return {
    baseURL: RACINE_AI_BASE_URL.replace(/\/+$/, ''),
    model: RACINE_AI_MODEL,
    ...(RACINE_AI_API_KEY ? { apiKey: RACINE_AI_API_KEY } : {}),
  };
}
