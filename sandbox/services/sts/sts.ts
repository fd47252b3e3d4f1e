import type { TCtx, TSandboxResponse } from '../core-context';
import { SandboxError } from '../../errors';
import { xmlEscape } from '../../protocols';
import { roleUniqueId, secretAccessKey, sessionToken, temporaryAccessKeyId } from '../../ids';

/**
 * STS speaks awsQuery: a form-encoded POST with `Action=...`, answered in XML. Only what the portal uses:
 * GetCallerIdentity and AssumeRole. Temporary keys are stored so later calls resolve to the assumed role.
 */
export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
const NS = STS_NAMESPACE;

function xmlResponse(action: string, inner: string, requestId: string): string {
  return (
    `<${action}Response xmlns="${NS}"><${action}Result>${inner}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

function stsError(status: number, code: string, message: string): SandboxError {
  return new SandboxError(status, code, message);
}

const SESSION_NAME_RE = /^[\w+=,.@-]{2,64}$/;
const ROLE_ARN_RE = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;

export function getCallerIdentity(ctx: TCtx, _params: URLSearchParams, requestId: string): TSandboxResponse {
  const inner =
    `<Arn>${xmlEscape(ctx.caller.arn)}</Arn><UserId>${xmlEscape(ctx.caller.userId)}</UserId>` +
    `<Account>${ctx.caller.accountId}</Account>`;
  return { status: 200, body: xmlResponse('GetCallerIdentity', inner, requestId) };
}

export function unknownStsAction(action: string | null): SandboxError {
  return stsError(
    400,
    'InvalidAction',
    `Could not find operation ${action ?? '(none)'} for version 2011-06-15`,
  );
}

export function assumeRole(ctx: TCtx, params: URLSearchParams, requestId: string): TSandboxResponse {
  const roleArn = params.get('RoleArn') ?? '';
  const sessionName = params.get('RoleSessionName') ?? '';
  const durationRaw = params.get('DurationSeconds');
  const duration = durationRaw === null ? 3600 : Number(durationRaw);
  const problems: string[] = [];
  if (!ROLE_ARN_RE.test(roleArn))
    problems.push(`Value '${roleArn}' at 'roleArn' failed to satisfy constraint: must be an IAM role ARN`);
  if (!SESSION_NAME_RE.test(sessionName)) {
    problems.push(
      `Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
    );
  }
  if (!Number.isInteger(duration) || duration < 900 || duration > 43_200) {
    problems.push(
      `Value '${durationRaw}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`,
    );
  }
  if (problems.length > 0) {
    throw stsError(
      400,
      'ValidationError',
      `${problems.length} validation error(s) detected: ${problems.join('; ')}`,
    );
  }
  const match = ROLE_ARN_RE.exec(roleArn)!;
  const accountId = match[1]!;
  const roleName = match[2]!;
  // IAM matches the role by account and name; the path is not part of its identity for trust purposes.
  const role = ctx.world.roles.find((r) => r.accountId === accountId && r.name === roleName);
  if (!role || !role.trustedAccountIds.includes(ctx.caller.accountId)) {
    throw stsError(
      403,
      'AccessDenied',
      `User: ${ctx.caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    );
  }
  const assumedRoleId = `${roleUniqueId(role.arn)}:${sessionName}`;
  const assumedRoleArn = `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`;
  const session = {
    accessKeyId: temporaryAccessKeyId(),
    secretAccessKey: secretAccessKey(),
    sessionToken: sessionToken(),
    accountId,
    roleArn: role.arn,
    assumedRoleArn,
    assumedRoleId,
    expiresAt: ctx.now + duration * 1000,
  };
  ctx.identities.addSession(session, ctx.now);
  const inner =
    `<Credentials><AccessKeyId>${session.accessKeyId}</AccessKeyId>` +
    `<SecretAccessKey>${xmlEscape(session.secretAccessKey)}</SecretAccessKey>` +
    `<SessionToken>${xmlEscape(session.sessionToken)}</SessionToken>` +
    `<Expiration>${new Date(session.expiresAt).toISOString()}</Expiration></Credentials>` +
    `<AssumedRoleUser><AssumedRoleId>${xmlEscape(assumedRoleId)}</AssumedRoleId>` +
    `<Arn>${xmlEscape(assumedRoleArn)}</Arn></AssumedRoleUser>`;
  return { status: 200, body: xmlResponse('AssumeRole', inner, requestId) };
}
