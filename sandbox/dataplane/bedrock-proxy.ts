import { randomInt, seededRandom, seedOf, skewed, type TRandom } from './random';

/**
 * The simulated Bedrock proxy behind the Lattice service: it answers as Bedrock's runtime would through a thin
 * proxy, with latency, response size and token counts that depend on the model, all derived from the request id
 * so a replay gives the same numbers. Prompt caching shows where Bedrock offers it (Claude 3.5 Haiku and 3.7
 * Sonnet read and write the cache; Nova Lite reads only).
 */
export interface TProxyCall {
  requestId: string;
  modelId: string;
  operation: string;
  bytesReceived: number;
  /** Fraction of calls Bedrock throttles (429) and fails (500); 0 for none. */
  throttleRate?: number;
  errorRate?: number;
}

export interface TProxyResult {
  status: number;
  /** Built on demand: a backfill needs the size, not 64 KB of text per call. */
  renderBody: () => string;
  bodyBytes: number;
  contentType: string;
  /** Time the target spent on the request (ms), and sending the response back. */
  targetMs: number;
  responseMs: number;
  tokens?: { input: number; output: number; cacheRead?: number; cacheWrite?: number };
  errorCode?: string;
}

interface TModelProfile {
  /** ms per output token */
  perToken: number;
  medianOutput: number;
  cache: 'read-write' | 'read' | 'none';
}

function profileOf(modelId: string): TModelProfile {
  const id = modelId.replace(/^(us|eu|apac|global)\./, '');
  if (id.includes('opus')) return { perToken: 28, medianOutput: 700, cache: 'none' };
  if (id.includes('claude-3-7-sonnet') || id.includes('sonnet-4'))
    return { perToken: 14, medianOutput: 650, cache: 'read-write' };
  if (id.includes('claude-3-5-haiku')) return { perToken: 7, medianOutput: 400, cache: 'read-write' };
  if (id.includes('sonnet')) return { perToken: 13, medianOutput: 600, cache: 'none' };
  if (id.includes('haiku')) return { perToken: 5, medianOutput: 350, cache: 'none' };
  if (id.includes('nova-lite')) return { perToken: 4, medianOutput: 380, cache: 'read' };
  if (id.includes('nova-micro')) return { perToken: 3, medianOutput: 300, cache: 'none' };
  if (id.includes('nova-pro')) return { perToken: 9, medianOutput: 550, cache: 'read' };
  if (id.includes('mistral-large') || id.includes('llama3-70b'))
    return { perToken: 12, medianOutput: 600, cache: 'none' };
  return { perToken: 8, medianOutput: 450, cache: 'none' };
}

function cacheTokens(random: TRandom, cache: TModelProfile['cache']) {
  if (cache === 'none') return {};
  const read = random() < 0.45 ? randomInt(random, 200, 4000) : 0;
  if (cache === 'read') return { cacheRead: read, cacheWrite: 0 };
  const write = read === 0 && random() < 0.3 ? randomInt(random, 200, 3000) : 0;
  return { cacheRead: read, cacheWrite: write };
}

const LOREM = 'The quick brown fox jumps over the lazy dog. ';

export function answerAsBedrockProxy(call: TProxyCall): TProxyResult {
  const random = seededRandom(seedOf(call.requestId));
  const profile = profileOf(call.modelId);
  const roll = random();
  if (roll < (call.throttleRate ?? 0)) {
    const body = JSON.stringify({ message: 'Too many requests, please wait before trying again.' });
    return {
      status: 429,
      renderBody: () => body,
      bodyBytes: body.length,
      contentType: 'application/json',
      targetMs: randomInt(random, 5, 40),
      responseMs: 1,
      errorCode: 'ThrottlingException',
    };
  }
  if (roll < (call.throttleRate ?? 0) + (call.errorRate ?? 0)) {
    const body = JSON.stringify({
      message: 'The system encountered an unexpected error during processing. Try your request again.',
    });
    return {
      status: 500,
      renderBody: () => body,
      bodyBytes: body.length,
      contentType: 'application/json',
      targetMs: randomInt(random, 200, 3000),
      responseMs: 1,
      errorCode: 'InternalServerException',
    };
  }
  const input = Math.max(1, Math.round(call.bytesReceived / 4 + skewed(random, 60, 0.5)));
  const output = Math.max(1, Math.round(skewed(random, profile.medianOutput, 0.7)));
  const tokens = { input, output, ...cacheTokens(random, profile.cache) };
  const latencyMs = Math.round(250 + output * profile.perToken * (0.8 + random() * 0.4));
  const textLength = Math.min(output * 4, 64_000);
  const render = (text: string) =>
    JSON.stringify({
      output: { message: { role: 'assistant', content: [{ text }] } },
      stopReason: 'end_turn',
      usage: {
        inputTokens: input,
        outputTokens: output,
        totalTokens: input + output,
        ...(tokens.cacheRead !== undefined
          ? { cacheReadInputTokens: tokens.cacheRead, cacheWriteInputTokens: tokens.cacheWrite ?? 0 }
          : {}),
      },
      metrics: { latencyMs },
    });
  // The envelope's size does not depend on the text, so the size is known without building the text.
  const bodyBytes = render('').length + textLength;
  return {
    status: 200,
    renderBody: () => render(LOREM.repeat(Math.ceil(textLength / LOREM.length)).slice(0, textLength)),
    bodyBytes,
    contentType: 'application/json',
    targetMs: latencyMs,
    responseMs: randomInt(random, 1, 40),
    tokens,
  };
}
