import { z } from 'zod';
import {
  ZApproveBody,
  ZBulkApproveBody,
  ZCancelBody,
  ZCreateAccessRequest,
  ZPreviewAccessRequest,
  ZRejectBody,
  ACCESS_REQUEST_STATUSES,
  GRANT_STATUSES,
} from './access-schemas';

type TJson = Record<string, unknown>;

// Request bodies are generated from the same zod schemas the routes parse with, so the document cannot drift from
// what the portal accepts. Transforms and refinements are not expressible in JSON Schema: they are described in text.
const schema = (s: z.ZodType): TJson =>
  z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as TJson;

const problem = { $ref: '#/components/responses/Problem' };
const errors = {
  '400': problem,
  '401': problem,
  '403': problem,
  '404': problem,
  '409': problem,
  '422': problem,
};
const json = (s: TJson) => ({ content: { 'application/json': { schema: s } } });
const body = (s: z.ZodType) => ({ required: true, ...json(schema(s)) });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const page = (item: string) => ({
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: { items: { type: 'array', items: ref(item) }, nextCursor: { type: ['string', 'null'] } },
});
const cursorParams = [
  { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'nextCursor of the previous page' },
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
];
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const slugParam = { name: 'slug', in: 'path', required: true, schema: { type: 'string' } };
const userIdParam = { name: 'userId', in: 'path', required: true, schema: { type: 'string' } };

function op(summary: string, extra: TJson = {}, ok: TJson = { type: 'object' }, status = '200'): TJson {
  return { summary, ...extra, responses: { [status]: { description: 'OK', ...json(ok) }, ...errors } };
}

/**
 * The OpenAPI 3.1 description of every /api/v1 endpoint. Authentication: the portal's session cookie, or a bearer
 * token; authorization is the same as the UI's (team scope for leads and members).
 */
export function buildOpenApiDocument(serverUrl: string): TJson {
  const admin = (summary: string, extra: TJson = {}) => op(`${summary} (admins)`, extra);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Bedrock Access Portal API',
      version: '1.0.0',
      description:
        'Governed access to Amazon Bedrock through one VPC Lattice service. Lists return {items, nextCursor}; pass ' +
        '?cursor= for the next page. `team` is a team slug and `models` are policy keys. Errors are RFC 9457 ' +
        'application/problem+json with a stable `code`.',
    },
    servers: [{ url: serverUrl }],
    security: [{ session: [] }, { bearer: [] }],
    paths: {
      '/api/v1/teams': {
        get: op(
          'Teams you may read, with accounts, principals (ARNs) and VPCs',
          { parameters: cursorParams },
          page('Team'),
        ),
      },
      '/api/v1/models': {
        get: op(
          'The enabled model catalog, each with its policyKey, tier and approval rule',
          {},
          page('Model'),
        ),
      },
      '/api/v1/access-requests': {
        get: op(
          'Access requests you may read, newest first',
          {
            parameters: [
              { name: 'team', in: 'query', schema: { type: 'string' } },
              {
                name: 'status',
                in: 'query',
                schema: { type: 'string' },
                description: `one or more of ${ACCESS_REQUEST_STATUSES.join(', ')}, comma-separated`,
              },
              { name: 'model', in: 'query', schema: { type: 'string' }, description: 'policy key' },
              { name: 'tier', in: 'query', schema: { enum: ['STANDARD', 'ADVANCED', 'RESTRICTED'] } },
              { name: 'minAgeDays', in: 'query', schema: { type: 'integer', minimum: 0 } },
              ...cursorParams,
            ],
          },
          page('AccessRequest'),
        ),
        post: op(
          'Request access (team leads). Refused with 422 POLICY_TOO_LARGE when the auth policy could not hold it',
          { requestBody: body(ZCreateAccessRequest) },
          ref('AccessRequest'),
          '201',
        ),
      },
      '/api/v1/access-requests/preview': {
        post: op('The effect of a request before submitting it (nothing is written)', {
          requestBody: body(ZPreviewAccessRequest),
        }),
      },
      '/api/v1/access-requests/bulk-approve': {
        post: op('Approve several requests (approvers); results per request', {
          requestBody: body(ZBulkApproveBody),
        }),
      },
      '/api/v1/access-requests/{id}': {
        get: op(
          'One request: status, approvals, provisioning runs and steps, grants',
          { parameters: [idParam] },
          ref('AccessRequest'),
        ),
      },
      '/api/v1/access-requests/{id}/review': {
        get: op('What an approver reads: diff, what-if per pair, team grants, policy size after approval', {
          parameters: [idParam],
        }),
      },
      '/api/v1/access-requests/{id}/approve': {
        post: op(
          'Approve (approvers; never your own). Two-approver tiers move to PENDING_SECOND_APPROVAL first',
          { parameters: [idParam], requestBody: body(ZApproveBody) },
          ref('AccessRequest'),
        ),
      },
      '/api/v1/access-requests/{id}/reject': {
        post: op(
          'Reject with a comment (approvers)',
          { parameters: [idParam], requestBody: body(ZRejectBody) },
          ref('AccessRequest'),
        ),
      },
      '/api/v1/access-requests/{id}/cancel': {
        post: op(
          'Cancel a pending request (its requester or a lead of the team)',
          { parameters: [idParam], requestBody: body(ZCancelBody) },
          ref('AccessRequest'),
        ),
      },
      '/api/v1/grants': {
        get: op(
          'Grants you may read',
          {
            parameters: [
              { name: 'team', in: 'query', schema: { type: 'string' } },
              { name: 'status', in: 'query', schema: { enum: [...GRANT_STATUSES] } },
              ...cursorParams,
            ],
          },
          page('Grant'),
        ),
      },
      '/api/v1/grants/{id}/revoke': {
        post: op('Revoke a grant (approvers, admins, or a lead of its team); the policy is recompiled', {
          parameters: [idParam],
          requestBody: {
            required: false,
            ...json({ type: 'object', properties: { comment: { type: 'string' } } }),
          },
        }),
      },
      '/api/v1/estate': {
        get: op('The managed estate read live from AWS, with verification (approvers, admins)'),
      },
      '/api/v1/estate/auth-policy': {
        get: op(
          'The live auth policy, its size and its drift state (approvers, admins)',
          {},
          {
            type: 'object',
            required: ['policy', 'bytes', 'drift'],
            properties: { policy: {}, bytes: { type: 'integer' }, drift: {} },
          },
        ),
      },
      '/api/v1/audit/export': { get: op('Audit events as CSV (approvers, admins)') },
      '/api/v1/admin/teams': { get: admin('List teams'), post: admin('Create a team') },
      '/api/v1/admin/teams/{slug}': {
        get: admin('One team', { parameters: [slugParam] }),
        patch: admin('Update a team', { parameters: [slugParam] }),
      },
      '/api/v1/admin/teams/{slug}/archive': {
        post: admin('Archive or restore a team', { parameters: [slugParam] }),
      },
      '/api/v1/admin/teams/{slug}/accounts': {
        post: admin('Add an AWS account', { parameters: [slugParam] }),
        delete: admin('Remove an account', { parameters: [slugParam] }),
      },
      '/api/v1/admin/teams/{slug}/principals': {
        post: admin('Register a principal', { parameters: [slugParam] }),
        delete: admin('Unregister a principal', { parameters: [slugParam] }),
      },
      '/api/v1/admin/teams/{slug}/vpcs': {
        post: admin('Add a VPC', { parameters: [slugParam] }),
        patch: admin('Update a VPC', { parameters: [slugParam] }),
        delete: admin('Remove a VPC', { parameters: [slugParam] }),
      },
      '/api/v1/admin/teams/{slug}/members': {
        post: admin('Add a member', { parameters: [slugParam] }),
        patch: admin('Change a role', { parameters: [slugParam] }),
        delete: admin('Remove a member', { parameters: [slugParam] }),
      },
      '/api/v1/admin/principals/move': { post: admin('Move a principal to another team') },
      '/api/v1/admin/models': {
        get: admin('The whole catalog'),
        post: admin('Add a model'),
        patch: admin('Update a model'),
      },
      '/api/v1/admin/estate-settings': {
        get: admin('Estate settings'),
        put: admin('Update estate settings'),
      },
      '/api/v1/admin/users': { get: admin('People'), post: admin('Create a user') },
      '/api/v1/admin/users/{userId}/roles': { put: admin('Set global roles', { parameters: [userIdParam] }) },
      '/api/v1/admin/users/{userId}/disable': {
        post: admin('Disable a user', { parameters: [userIdParam] }),
      },
      '/api/v1/admin/users/{userId}/enable': { post: admin('Enable a user', { parameters: [userIdParam] }) },
      '/api/v1/admin/users/{userId}/revoke-sessions': {
        post: admin("Revoke a user's sessions", { parameters: [userIdParam] }),
      },
      '/api/v1/openapi.json': {
        get: { summary: 'This document', security: [], responses: { '200': { description: 'OK' } } },
      },
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      responses: {
        Problem: {
          description: 'RFC 9457 problem',
          content: {
            'application/problem+json': {
              schema: {
                type: 'object',
                properties: {
                  type: { type: 'string' },
                  title: { type: 'string' },
                  status: { type: 'integer' },
                  detail: { type: 'string' },
                  code: { type: 'string' },
                  issues: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: { path: { type: 'string' }, message: { type: 'string' } },
                    },
                  },
                },
              },
            },
          },
        },
      },
      schemas: {
        Team: {
          type: 'object',
          required: ['slug', 'name', 'accounts', 'principals', 'vpcs'],
          properties: {
            slug: { type: 'string' },
            name: { type: 'string' },
            costCenter: { type: 'string' },
            accounts: {
              type: 'array',
              items: {
                type: 'object',
                properties: { accountId: { type: 'string' }, environment: { type: 'string' } },
              },
            },
            principals: {
              type: 'array',
              items: {
                type: 'object',
                required: ['arn'],
                properties: {
                  arn: { type: 'string' },
                  accountId: { type: 'string' },
                  name: { type: 'string' },
                  path: { type: 'string' },
                },
              },
            },
            vpcs: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  vpcId: { type: 'string' },
                  accountId: { type: 'string' },
                  securityGroupIds: { type: 'array', items: { type: 'string' } },
                },
              },
            },
          },
        },
        Model: {
          type: 'object',
          required: ['modelId', 'policyKey', 'name', 'tier'],
          properties: {
            modelId: { type: 'string' },
            policyKey: { type: 'string' },
            name: { type: 'string' },
            provider: { type: 'string' },
            tier: { enum: ['STANDARD', 'ADVANCED', 'RESTRICTED'] },
            approvalsRequired: { enum: [1, 2] },
            allowsUntilRevoked: { type: 'boolean' },
            price: { type: ['object', 'null'], description: 'USD per 1M tokens, exact decimal strings' },
          },
        },
        AccessRequest: {
          type: 'object',
          required: ['id', 'status', 'team', 'principals', 'models'],
          properties: {
            id: { type: 'string' },
            status: { enum: [...ACCESS_REQUEST_STATUSES] },
            team: { type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' } } },
            principals: { type: 'array', items: { type: 'string' } },
            models: {
              type: 'array',
              items: { type: 'object', properties: { policyKey: { type: 'string' } } },
            },
            durationDays: { type: ['integer', 'null'], description: 'null = until revoked' },
            vpcId: { type: ['string', 'null'] },
            securityGroupIds: { type: 'array', items: { type: 'string' } },
            requiredApprovals: { type: 'integer' },
            approvals: { type: 'array', items: { type: 'object' } },
            runs: {
              type: 'array',
              description: 'provisioning runs with their steps (detail only)',
              items: { type: 'object' },
            },
          },
        },
        Grant: {
          type: 'object',
          required: ['id', 'requestId', 'principal', 'model', 'status', 'expiresAt'],
          properties: {
            id: { type: 'string' },
            requestId: { type: ['string', 'null'] },
            principal: { type: 'string' },
            model: { type: 'string', description: 'policy key' },
            status: { enum: [...GRANT_STATUSES] },
            expiresAt: { type: ['string', 'null'], format: 'date-time', description: 'null = until revoked' },
          },
        },
      },
    },
  };
}
