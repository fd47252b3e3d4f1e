/**
 * One line of a Bedrock model invocation log (S3 NDJSON or a CloudWatch Logs event), reduced to what chargeback
 * needs: time, region, identity, request metadata, model id and token counts. Bodies (prompts, responses) are never
 * kept. Failed invocations (errorCode) count as invocations with the tokens they carry (none, in practice).
 */
import { z } from 'zod';

const count = z
  .union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
  .pipe(
    z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
  )
  .optional()
  .catch(undefined);

const ZInvocationLogLine = z.object({
  schemaType: z.string().optional(),
  timestamp: z.string().min(1),
  accountId: z.string().optional(),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
  requestId: z.string().optional(),
  operation: z.string().optional(),
  modelId: z.string().min(1).max(2048),
  identity: z
    .object({ arn: z.string().min(1) })
    .partial()
    .optional(),
  requestMetadata: z.record(z.string(), z.unknown()).optional().catch(undefined),
  errorCode: z.string().optional().catch(undefined),
  input: z
    .object({
      inputTokenCount: count,
      cacheReadInputTokenCount: count,
      cacheWriteInputTokenCount: count,
    })
    .partial()
    .optional()
    .catch(undefined),
  output: z.object({ outputTokenCount: count }).partial().optional().catch(undefined),
});

export interface TInvocationRecord {
  timeMs: number;
  region: string;
  identityArn: string | null;
  metadataTeam: string | null;
  metadataPrincipal: string | null;
  modelId: string;
  failed: boolean;
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheWriteInputTokens: number;
}

export type TParseInvocationResult = { ok: true; record: TInvocationRecord } | { ok: false; reason: string };

function metadataString(md: Record<string, unknown> | undefined, key: string): string | null {
  const v = md?.[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

export function parseInvocationRecord(line: string): TParseInvocationResult {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = ZInvocationLogLine.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `invalid ${issue?.path.join('.') || 'record'}: ${issue?.message ?? ''}`.trim(),
    };
  }
  const r = parsed.data;
  if (r.schemaType !== undefined && r.schemaType !== 'ModelInvocationLog') {
    return { ok: false, reason: `schemaType ${r.schemaType}` };
  }
  const timeMs = Date.parse(r.timestamp);
  if (Number.isNaN(timeMs)) return { ok: false, reason: 'invalid timestamp' };
  const failed = r.errorCode !== undefined && r.errorCode !== '';
  return {
    ok: true,
    record: {
      timeMs,
      region: r.region,
      identityArn: r.identity?.arn ?? null,
      metadataTeam: metadataString(r.requestMetadata, 'team'),
      metadataPrincipal: metadataString(r.requestMetadata, 'principal'),
      modelId: r.modelId,
      failed,
      inputTokens: r.input?.inputTokenCount ?? 0,
      outputTokens: r.output?.outputTokenCount ?? 0,
      cacheReadInputTokens: r.input?.cacheReadInputTokenCount ?? 0,
      cacheWriteInputTokens: r.input?.cacheWriteInputTokenCount ?? 0,
    },
  };
}
