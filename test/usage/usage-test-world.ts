/** The teams, accounts and principals of the access-log fixtures, registered as the portal would hold them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { parsePrincipal } from '@/lib/policy/arn';
import type { TObjectLogSource } from '@/lib/usage/sources/log-source-types';

export const fixturesDir = path.resolve(import.meta.dirname, '../fixtures/lattice-access-logs');
export const fixtureLogsDir = path.join(fixturesDir, 'logs');

interface TFixtureTeam {
  principals: string[];
  accounts: string[];
  vpcs: string[];
}

export function fixtureTeams(): Record<string, TFixtureTeam> {
  return JSON.parse(readFileSync(path.join(fixturesDir, 'teams.json'), 'utf8')) as Record<
    string,
    TFixtureTeam
  >;
}

export function fixtureExpected(): {
  records: number;
  malformedLines: number;
  unattributedRequests: number;
  byTeamModel: Record<
    string,
    {
      requests: number;
      allowed: number;
      denied: number;
      errors: number;
      bytesReceived: number;
      bytesSent: number;
    }
  >;
  requestsByTeamMonth: Record<string, number>;
} {
  return JSON.parse(readFileSync(path.join(fixturesDir, 'expected.json'), 'utf8'));
}

/** Creates the fixture teams; returns slug → team id. */
export async function seedFixtureTeams(db: PrismaClient): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [slug, t] of Object.entries(fixtureTeams())) {
    const team = await db.team.create({
      data: { slug, name: slug, costCenter: `cc-${slug}` },
      select: { id: true },
    });
    ids[slug] = team.id;
    for (const accountId of t.accounts) {
      await db.awsAccount.create({ data: { accountId, teamId: team.id, environment: 'prod' } });
    }
    for (const arn of t.principals) {
      const p = parsePrincipal(arn);
      if (!p || p.kind !== 'role') throw new Error(`fixture principal ${arn}`);
      await db.principal.create({
        data: {
          arn,
          accountId: p.accountId,
          kind: 'ROLE',
          name: p.name,
          path: p.path,
          mappings: { create: { teamId: team.id, validFrom: null } },
        },
      });
    }
  }
  return ids;
}

/** An object source over in-memory objects (key → text). */
export function memorySource(objects: Record<string, string>, name = 'memory'): TObjectLogSource {
  return {
    shape: 'objects',
    kind: 'FILE',
    name,
    config: {},
    async *listObjects() {
      for (const [key, text] of Object.entries(objects)) {
        yield { key, checkpointAfter: null, open: async () => Readable.from([Buffer.from(text)]) };
      }
    },
  };
}
