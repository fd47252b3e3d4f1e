import { describe, expect, it } from 'vitest';
import { attributeInvocation, isProxyIdentity, proxyRoleKeys } from './attribute-invocation';
import { normalizeModelId } from './normalize-model-id';
import { parseInvocationRecord } from './parse-invocation-record';
import { normalizeCaller } from '@/lib/principals/normalize-caller';

const base = {
  schemaType: 'ModelInvocationLog',
  schemaVersion: '1.0',
  timestamp: '2026-10-30T01:02:03Z',
  accountId: '111122223333',
  region: 'us-east-1',
  modelId: 'us.anthropic.claude-3-haiku-20240307-v1:0',
  identity: { arn: 'arn:aws:sts::111122223333:assumed-role/bedrock-proxy-exec/proxy' },
  input: { inputTokenCount: 10, cacheReadInputTokenCount: 2, cacheWriteInputTokenCount: 1 },
  output: { outputTokenCount: 5 },
};

describe('parseInvocationRecord', () => {
  it('keeps time, region, identity, metadata and tokens, never bodies', () => {
    const r = parseInvocationRecord(
      JSON.stringify({ ...base, requestMetadata: { team: 'risk', principal: 'arn:aws:iam::1:role/x' } }),
    );
    expect(r).toEqual({
      ok: true,
      record: {
        timeMs: Date.parse('2026-10-30T01:02:03Z'),
        region: 'us-east-1',
        identityArn: base.identity.arn,
        metadataTeam: 'risk',
        metadataPrincipal: 'arn:aws:iam::1:role/x',
        modelId: base.modelId,
        failed: false,
        inputTokens: 10,
        outputTokens: 5,
        cacheReadInputTokens: 2,
        cacheWriteInputTokens: 1,
      },
    });
  });

  it('counts a failed invocation with the tokens it carries, and absent counts as 0', () => {
    const r = parseInvocationRecord(
      JSON.stringify({ ...base, errorCode: 'ThrottlingException', input: {}, output: undefined }),
    );
    expect(r.ok && r.record).toMatchObject({ failed: true, inputTokens: 0, outputTokens: 0 });
  });

  it('rejects junk, other schemas and records without a model or time', () => {
    expect(parseInvocationRecord('{not json').ok).toBe(false);
    expect(parseInvocationRecord(JSON.stringify({ ...base, schemaType: 'Other' })).ok).toBe(false);
    expect(parseInvocationRecord(JSON.stringify({ ...base, modelId: '' })).ok).toBe(false);
    expect(parseInvocationRecord(JSON.stringify({ ...base, timestamp: 'yesterday' })).ok).toBe(false);
  });
});

describe('normalizeModelId', () => {
  it('prices cross-Region profiles as the base model', () => {
    expect(normalizeModelId('us.anthropic.claude-3-haiku-20240307-v1:0').model).toBe(
      'anthropic.claude-3-haiku-20240307-v1:0',
    );
    expect(normalizeModelId('eu.amazon.nova-lite-v1:0').model).toBe('amazon.nova-lite-v1:0');
    expect(normalizeModelId('apac.meta.llama3-8b-instruct-v1:0').model).toBe('meta.llama3-8b-instruct-v1:0');
    expect(normalizeModelId('amazon.titan-text-express-v1').model).toBe('amazon.titan-text-express-v1');
  });

  it('maps inference-profile ARNs through configuration, otherwise leaves them unmapped', () => {
    const arn = 'arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc123';
    expect(normalizeModelId(arn)).toEqual({ model: arn, mapped: false });
    expect(normalizeModelId(arn, { [arn]: 'us.amazon.nova-lite-v1:0' })).toEqual({
      model: 'amazon.nova-lite-v1:0',
      mapped: true,
    });
    expect(normalizeModelId('arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0').model).toBe(
      'amazon.nova-lite-v1:0',
    );
  });
});

describe('attribution order', () => {
  const proxy = proxyRoleKeys(['arn:aws:iam::111122223333:role/service/bedrock-proxy-exec']);

  it('a session of a listed proxy role (path or not) is the proxy; other roles are not', () => {
    expect(isProxyIdentity(normalizeCaller(base.identity.arn), proxy)).toBe(true);
    expect(
      isProxyIdentity(normalizeCaller('arn:aws:sts::999999999999:assumed-role/bedrock-proxy-exec/x'), proxy),
    ).toBe(false);
  });

  it('metadata team, then metadata principal, only from the proxy; then the identity; else none', () => {
    const t = { metadataTeamId: 'A', metadataPrincipalTeamId: 'B', identityTeamId: 'C' };
    expect(attributeInvocation({ trustedMetadata: true, ...t })).toBe('A');
    expect(attributeInvocation({ trustedMetadata: true, ...t, metadataTeamId: null })).toBe('B');
    expect(attributeInvocation({ trustedMetadata: false, ...t })).toBe('C');
    expect(
      attributeInvocation({
        trustedMetadata: true,
        metadataTeamId: null,
        metadataPrincipalTeamId: null,
        identityTeamId: null,
      }),
    ).toBeNull();
  });
});
