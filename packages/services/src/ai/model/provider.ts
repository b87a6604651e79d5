/**
 * The language model behind the configured OpenAI-compatible server. Chat
 * completions (not the newer Responses API): it is what Ollama, vLLM, Azure
 * and most gateways implement.
 */
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import type { ModelConfig } from './config';

export function languageModelFor(config: ModelConfig): LanguageModel {
  const provider = createOpenAICompatible({
    name: 'racine-ai',
    baseURL: config.baseURL,
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    // Token counts in the final stream chunk, where the server supports it.
    includeUsage: true,
  });
  return provider.chatModel(config.model);
}
