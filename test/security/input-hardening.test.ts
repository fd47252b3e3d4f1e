import { describe, expect, it } from 'vitest';
import { createTeam } from '@/lib/teams/create-team';
import { importTeams } from '@/lib/teams/import-teams';
import { createModel } from '@/lib/catalog/create-model';
import { testDatabaseKinds } from '../db/test-databases';
import { adminActor, useFreshDatabase } from '../teams/team-test-db';

const NUL = 'Pay\u0000ments';
const RLO = 'Payments\u202Etxt.exe';

describe.each(testDatabaseKinds)(
  'names and free text refuse control and bidi characters on $name',
  (kind) => {
    const db = useFreshDatabase(kind);

    it('refuses a NUL or a bidi override in a team name as a 422 validation error, and stores nothing', async () => {
      const admin = await adminActor(db());
      for (const name of [NUL, RLO]) {
        await expect(
          createTeam(admin, { slug: 'payments', name, costCenter: 'CC-1' }, db()),
        ).rejects.toMatchObject({
          code: 'VALIDATION',
          status: 422,
        });
      }
      await expect(
        createTeam(
          admin,
          { slug: 'payments', name: 'Payments', costCenter: 'CC-1', description: 'a\u0007b' },
          db(),
        ),
      ).rejects.toMatchObject({ code: 'VALIDATION' });
      expect(await db().team.count()).toBe(0);
    });

    it('teams import --dry-run refuses them too, naming the field', async () => {
      const admin = await adminActor(db());
      const attempt = importTeams(
        admin,
        { payments: { name: NUL, costCenter: 'CC-1', members: [{ email: 'x@example.com', name: RLO }] } },
        { dryRun: true },
        db(),
      );
      await expect(attempt).rejects.toMatchObject({ code: 'VALIDATION' });
      const error = (await attempt.catch((e: unknown) => e)) as { issues: { path: string }[] };
      expect(error.issues.map((i) => i.path)).toEqual(
        expect.arrayContaining([
          expect.stringContaining('payments.name'),
          expect.stringContaining('members.0.name'),
        ]),
      );
      expect(await db().team.count()).toBe(0);
    });

    it('the catalog refuses them in model names and descriptions', async () => {
      const admin = await adminActor(db());
      await expect(
        createModel(
          admin,
          { modelId: 'anthropic.claude-x', name: 'Claude\u2066X', provider: 'Anthropic', tier: 'STANDARD' },
          db(),
        ),
      ).rejects.toMatchObject({ code: 'VALIDATION' });
      expect(await db().model.count()).toBe(0);
    });
  },
);
