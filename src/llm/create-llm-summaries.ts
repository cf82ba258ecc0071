import type { LlmConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { createChatCompletionsClient } from './create-chat-completions-client.js';
import { createSummaries, type Summaries } from './create-summaries.js';

/** Summaries from the configured model (LLM_BASE_URL, LLM_MODEL, LLM_API_KEY, LLM_TIMEOUT_MS). */
export function createLlmSummaries(config: LlmConfig, logger: Logger): Summaries {
  // The address is logged without any user:password it may carry.
  const url = new URL(config.baseUrl);
  logger.info('llm summaries on', { baseUrl: `${url.origin}${url.pathname}`, model: config.model, timeoutMs: config.timeoutMs });
  const client = createChatCompletionsClient({ baseUrl: config.baseUrl, model: config.model, timeoutMs: config.timeoutMs, ...(config.apiKey ? { apiKey: config.apiKey } : {}) });
  return createSummaries({ client, model: config.model, logger });
}
