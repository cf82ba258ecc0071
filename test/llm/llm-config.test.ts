import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

const load = (env: Record<string, string>) => loadConfig(env, { checkBriefingsDir: false });

describe('LLM settings', () => {
  it('are off unless LLM_BASE_URL is set: no summaries, nothing sent', () => {
    expect(load({}).llm).toBeUndefined();
    expect(load({ LLM_BASE_URL: '', LLM_MODEL: '', LLM_API_KEY: '', LLM_TIMEOUT_MS: '8000' }).llm).toBeUndefined();
  });

  it('take the API base or the full endpoint, and default the budget to 8 s', () => {
    expect(load({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1/', LLM_MODEL: 'llama3.1:8b' }).llm).toEqual({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1:8b', timeoutMs: 8000 });
    expect(load({ LLM_BASE_URL: 'https://api.example.com/v1/chat/completions', LLM_MODEL: 'm', LLM_API_KEY: 'sk-x', LLM_TIMEOUT_MS: '2500' }).llm).toEqual({
      baseUrl: 'https://api.example.com/v1',
      model: 'm',
      apiKey: 'sk-x',
      timeoutMs: 2500,
    });
  });

  it.each([
    [{ LLM_BASE_URL: 'not a url', LLM_MODEL: 'm' }, /^Invalid setting LLM_BASE_URL:/],
    [{ LLM_BASE_URL: 'ftp://example.com/v1', LLM_MODEL: 'm' }, /^Invalid setting LLM_BASE_URL:/],
    [{ LLM_BASE_URL: 'http://127.0.0.1:8080/v1' }, /^Invalid setting LLM_MODEL: required with LLM_BASE_URL/],
    [{ LLM_MODEL: 'm' }, /^Invalid setting LLM_BASE_URL: required/],
    [{ LLM_API_KEY: 'sk-secret-value' }, /^Invalid setting LLM_BASE_URL: required/],
    [{ LLM_BASE_URL: 'http://127.0.0.1:8080/v1', LLM_MODEL: 'm', LLM_TIMEOUT_MS: '0' }, /^Invalid setting LLM_TIMEOUT_MS: must be from 1/],
    [{ LLM_BASE_URL: 'http://127.0.0.1:8080/v1', LLM_MODEL: 'm', LLM_TIMEOUT_MS: '-5' }, /^Invalid setting LLM_TIMEOUT_MS: must be a positive whole number/],
    [{ LLM_BASE_URL: 'http://127.0.0.1:8080/v1', LLM_MODEL: 'm', LLM_TIMEOUT_MS: '8s' }, /^Invalid setting LLM_TIMEOUT_MS:/],
  ])('refuse %o at start, naming the variable', (env, message) => {
    expect(() => load(env)).toThrow(message);
  });

  it('never put the key in an error', () => {
    expect(() => load({ LLM_API_KEY: 'sk-secret-value' })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('sk-secret-value') }));
  });
});
