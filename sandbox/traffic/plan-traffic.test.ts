import { describe, expect, it } from 'vitest';
import { expectedCallsInHour, planTraffic, type TTrafficProfile } from './plan-traffic';

const PROFILE: TTrafficProfile = {
  requestsPerWeekday: 480,
  otherModels: ['m.other'],
  teams: [
    {
      slug: 'a',
      principals: [{ roleArn: 'arn:aws:iam::200000000001:role/genai/a-prod-invoker', vpcId: 'vpc-a' }],
      models: [
        { modelId: 'm.one:0', weight: 3 },
        { modelId: 'm.two', weight: 1 },
      ],
      weight: 3,
    },
    {
      slug: 'b',
      principals: [{ roleArn: 'arn:aws:iam::200000000002:role/b-dev-invoker', vpcId: 'vpc-b' }],
      models: [{ modelId: 'm.two', weight: 1 }],
    },
  ],
};
const DAY = 86_400_000;
// Monday 2026-11-02 00:00 UTC
const MONDAY = Date.UTC(2026, 10, 2);

describe('planTraffic', () => {
  it('is repeatable from its seed, and any sub-range is the same calls as in the whole plan', () => {
    const week = planTraffic(PROFILE, 7, MONDAY, MONDAY + 7 * DAY);
    expect(planTraffic(PROFILE, 7, MONDAY, MONDAY + 7 * DAY)).toEqual(week);
    const tuesday = planTraffic(PROFILE, 7, MONDAY + DAY + 3_600_000 * 9.5, MONDAY + 2 * DAY);
    expect(tuesday).toEqual(
      week.filter((c) => c.startTime >= MONDAY + DAY + 3_600_000 * 9.5 && c.startTime < MONDAY + 2 * DAY),
    );
    expect(planTraffic(PROFILE, 8, MONDAY, MONDAY + DAY)).not.toEqual(
      planTraffic(PROFILE, 7, MONDAY, MONDAY + DAY),
    );
  });

  it('follows a working week: busy weekdays, quiet nights and weekends', () => {
    const week = planTraffic(PROFILE, 3, MONDAY, MONDAY + 7 * DAY);
    const weekday = week.filter((c) => c.startTime < MONDAY + 5 * DAY).length / 5;
    const weekend = week.filter((c) => c.startTime >= MONDAY + 5 * DAY).length / 2;
    expect(weekday).toBeGreaterThan(380);
    expect(weekday).toBeLessThan(580);
    expect(weekend).toBeLessThan(weekday / 2);
    expect(expectedCallsInHour(PROFILE, MONDAY + 10 * 3_600_000)).toBeGreaterThan(
      5 * expectedCallsInHour(PROFILE, MONDAY + 3 * 3_600_000),
    );
    expect(expectedCallsInHour({ ...PROFILE, shape: 'flat' }, MONDAY + 3 * 3_600_000)).toBe(20);
  });

  it("calls as the teams' role sessions from their VPCs, mostly with their models, in time order", () => {
    const calls = planTraffic(PROFILE, 5, MONDAY, MONDAY + 3 * DAY);
    expect(calls.map((c) => c.startTime)).toEqual([...calls.map((c) => c.startTime)].sort((a, b) => a - b));
    for (const c of calls) {
      expect(c.callerArn).toMatch(
        /^arn:aws:sts::20000000000[12]:assumed-role\/(a-prod|b-dev)-invoker\/[0-9a-f]{32}$/,
      );
      expect(c.vpcId).toBe(c.team === 'a' ? 'vpc-a' : 'vpc-b');
      expect(c.rawQuery).toBe(`modelid=${encodeURIComponent(c.modelId)}`);
      expect(c.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    const share = (team: string) => calls.filter((c) => c.team === team).length / calls.length;
    expect(share('a')).toBeGreaterThan(0.65);
    const stray = calls.filter((c) => c.modelId === 'm.other').length / calls.length;
    expect(stray).toBeGreaterThan(0.01);
    expect(stray).toBeLessThan(0.1);
    expect(calls.filter((c) => c.team === 'b').every((c) => c.modelId !== 'm.one:0')).toBe(true);
  });
});
