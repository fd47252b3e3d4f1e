/**
 * Access-log ingestion benchmark: `npm run bench:ingest` (add `-- --big` for N = 1e7). Needs PostgreSQL
 * (DATABASE_URL or TEST_DATABASE_URL, a server where it may create and drop its own databases).
 *
 * For each N it generates N real-format records into one gzipped file, then, each in a fresh child process (so
 * peak RSS is per measurement):
 *  - ingests it end to end into a fresh PostgreSQL database through the portal's own pipeline (stream, gunzip,
 *    parse, fingerprint, attribute, raw rows + hourly and daily rollups), reporting records/s, MB/s, peak RSS and
 *    bytes on disk per raw record (table + indexes);
 *  - runs DuckDB's read_json + group-by over the same file and prints the ratio.
 * Then it fills 90 days of rollups for 200 teams at a volume equivalent to 10^8 raw records and times the team
 * dashboard operation (p50/p95), for a 90-day and a 24-hour range.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { createGzip } from 'node:zlib';
import { PrismaPg } from '@prisma/adapter-pg';
import { systemActor } from '@/lib/auth/permissions';
import { migrateDatabase } from '@/lib/db/migrate';
import { connectPostgres } from '@/lib/db/sql-client';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { createAccessLogHandler } from '@/lib/usage/create-access-log-handler';
import { getTeamUsage } from '@/lib/usage/get-team-usage';
import { LATENCY_BUCKET_COUNT } from '@/lib/usage/latency-buckets';
import { runIngestion } from '@/lib/usage/run-ingestion';
import { createFileLogSource } from '@/lib/usage/sources/create-file-log-source';

const ROOT = path.resolve(import.meta.dirname, '..');
const adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const TEAMS = 200;
const MODELS = [
  'anthropic.claude-3-haiku-20240307-v1:0',
  'anthropic.claude-3-5-haiku-20241022-v1:0',
  'anthropic.claude-3-7-sonnet-20250219-v1:0',
  'amazon.nova-lite-v1:0',
  'amazon.titan-text-express-v1',
  'meta.llama3-8b-instruct-v1:0',
];
const DAY_MS = 86_400_000;
// The generated records are one day of deliveries of a 200-team estate (a 10^6/day estate is ~10^8 per quarter):
// rollups are as dense as in production, where many requests share an hour, caller and model.
const SPAN_DAYS = 1;

function account(t: number): string {
  return String(200_000_000_000 + t * 1_000_003).padStart(12, '0');
}

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

async function generate(file: string, n: number): Promise<void> {
  const rnd = prng(42);
  const gz = createGzip({ level: 6 });
  const out = createWriteStream(file);
  gz.pipe(out);
  const end = Date.parse('2026-12-01T00:00:00Z');
  for (let i = 0; i < n; i++) {
    const t = Math.floor(rnd() * TEAMS);
    const env = rnd() < 0.5 ? 'prod' : 'dev';
    const unauth = rnd() < 0.01;
    const denied = unauth || rnd() < 0.05;
    const model = MODELS[Math.floor(rnd() * MODELS.length)]!;
    const code = denied ? 403 : rnd() < 0.01 ? 503 : rnd() < 0.02 ? 429 : 200;
    const ts = new Date(end - Math.floor(rnd() * SPAN_DAYS * DAY_MS)).toISOString().slice(0, 19) + 'Z';
    const caller = unauth
      ? '-'
      : `arn:aws:sts::${account(t)}:assumed-role/team${t}-${env}-invoker/${i.toString(16)}`;
    const line = JSON.stringify({
      serviceNetworkArn: 'arn:aws:vpc-lattice:us-east-1:111122223333:servicenetwork/sn-0f1e2d3c4b5a69788',
      resolvedUser: caller,
      listenerType: '-',
      authDeniedReason: denied ? 'Service' : '-',
      targetGroupArn: 'arn:aws:vpc-lattice:us-east-1:111122223333:targetgroup/tg-0123456789abcdef0',
      sourceVpcArn: `arn:aws:ec2:us-east-1:${account(t)}:vpc/vpc-${t.toString(16).padStart(17, '0')}`,
      destinationVpcId: 'vpc-05e207e48696b69b6',
      sourceIpPort: `10.${t % 250}.${i % 250}.${(i >> 8) % 250}:${1024 + (i % 60000)}`,
      listenerId: '-',
      targetIpPort: denied ? '-' : '172.31.40.150:443',
      failureReason: denied ? 'ClientAccessDenied' : '-',
      serviceArn: 'arn:aws:vpc-lattice:us-east-1:111122223333:service/svc-0a1b2c3d4e5f60718',
      sourceVpcId: `vpc-${t.toString(16).padStart(17, '0')}`,
      startTime: ts,
      requestMethod: 'POST',
      requestPath:
        rnd() < 0.5 ? `/model/${model}/converse` : `/model/invoke?modelid=${encodeURIComponent(model)}`,
      protocol: 'HTTP/1.1',
      responseCode: code,
      bytesReceived: 500 + Math.floor(rnd() * 8000),
      bytesSent: denied ? 0 : 1000 + Math.floor(rnd() * 40000),
      duration: denied ? 1 : 50 + Math.floor(rnd() * 6000),
      userAgent: 'aws-sdk-js/3.1142.0',
      hostHeader: 'bedrock-proxy-0a1b2c3d4e5f60718.7d67968.vpc-lattice-svcs.us-east-1.on.aws',
      serverNameIndication: 'bedrock-proxy-0a1b2c3d4e5f60718.7d67968.vpc-lattice-svcs.us-east-1.on.aws',
      requestToTargetDuration: denied ? 0 : 40,
      responseFromTargetDuration: denied ? 0 : 3,
      sslCipher: 'ECDHE-RSA-AES128-GCM-SHA256',
      tlsVersion: 'TLSv1.2',
      callerPrincipal: caller,
      callerPrincipalOrgID: 'o-a1b2c3d4e5',
      callerX509IssuerOU: '-',
      callerX509SubjectCN: '-',
      callerX509SANNameCN: '-',
      callerX509SANDNS: '-',
      callerX509SANURI: '-',
    });
    if (!gz.write(line + '\n')) await once(gz, 'drain');
  }
  gz.end();
  await once(out, 'finish');
}

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bap_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = await connectPostgres(adminUrl!);
  await admin.exec(`CREATE DATABASE "${name}"`);
  await admin.close();
  const url = new URL(adminUrl!);
  url.pathname = `/${name}`;
  const sql = await connectPostgres(url.toString());
  await migrateDatabase(sql, { migrationsDir: path.join(ROOT, 'prisma/migrations') });
  await sql.close();
  return {
    url: url.toString(),
    drop: async () => {
      const a = await connectPostgres(adminUrl!);
      await a.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.close();
    },
  };
}

async function seedTeams(db: PrismaClient): Promise<string[]> {
  const ids: string[] = [];
  for (let t = 0; t < TEAMS; t++) {
    const team = await db.team.create({
      data: { slug: `team-${t}`, name: `Team ${t}`, costCenter: `cc-${t}` },
    });
    ids.push(team.id);
    await db.awsAccount.create({ data: { accountId: account(t), teamId: team.id, environment: 'prod' } });
    for (const env of ['prod', 'dev']) {
      await db.principal.create({
        data: {
          arn: `arn:aws:iam::${account(t)}:role/genai/team${t}-${env}-invoker`,
          accountId: account(t),
          name: `team${t}-${env}-invoker`,
          path: '/genai/',
          mappings: { create: { teamId: team.id } },
        },
      });
    }
  }
  return ids;
}

/** Child: ingest FILE into a fresh database; prints one JSON line. */
async function childIngest(file: string): Promise<void> {
  const database = await freshDatabase();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 4 }) });
  try {
    await seedTeams(db);
    const t0 = performance.now();
    const s = await runIngestion({
      db,
      source: createFileLogSource([{ path: file }]),
      handler: createAccessLogHandler({ retentionDays: 3650 }),
      trigger: 'cli',
      batchSize: 5000,
    });
    const seconds = (performance.now() - t0) / 1000;
    await db.$executeRawUnsafe('VACUUM ANALYZE "UsageEvent"');
    const [size] = await db.$queryRawUnsafe<{ raw: bigint; rollups: bigint }[]>(
      `SELECT pg_total_relation_size('"UsageEvent"') AS raw,
        pg_total_relation_size('"UsageRollup"') + pg_total_relation_size('"UsageRollupDaily"') AS rollups`,
    );
    process.stdout.write(
      JSON.stringify({
        stored: s.stored,
        malformed: s.malformed,
        seconds,
        rawBytes: Number(size!.raw),
        rollupBytes: Number(size!.rollups),
        maxRssMb: process.resourceUsage().maxRSS / 1024,
      }) + '\n',
    );
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}

/** Child: DuckDB read_json + group-by over FILE; prints one JSON line. */
async function childDuckdb(file: string): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const c = await instance.connect();
  const t0 = performance.now();
  const r = await c.runAndReadAll(
    `SELECT callerPrincipal, requestPath, responseCode // 100 AS sc, count(*) AS n, sum(bytesReceived) AS bin,
       sum(bytesSent) AS bout, sum(duration) AS dur
     FROM read_json('${file.replaceAll("'", "''")}', format = 'newline_delimited', compression = 'gzip')
     GROUP BY ALL`,
  );
  const seconds = (performance.now() - t0) / 1000;
  const total = r.getRows().reduce((n, row) => n + Number(row[3]), 0);
  process.stdout.write(
    JSON.stringify({
      seconds,
      total,
      groups: r.getRows().length,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }) + '\n',
  );
}

async function child(kind: 'ingest' | 'duckdb', file: string): Promise<Record<string, number>> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=react-server',
      path.join(ROOT, 'bench/ingest.bench.ts'),
      `--child=${kind}`,
      file,
    ],
    { cwd: ROOT, env: process.env, maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

function pct(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

async function dashboardBench(): Promise<void> {
  const database = await freshDatabase();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 8 }) });
  try {
    await seedTeams(db);
    // Dimension keys: 2 callers per team, the model keys, one UsageTeamKey per team.
    await db.$executeRawUnsafe(
      `INSERT INTO "UsageTeamKey" ("teamId") SELECT "id" FROM "Team" ORDER BY "slug"`,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO "UsageCaller" ("arn", "accountId")
       SELECT 'arn:aws:iam::' || p."accountId" || ':role/' || p."name", p."accountId" FROM "Principal" p`,
    );
    await db.$executeRawUnsafe(`INSERT INTO "UsageModelKey" ("modelKey") SELECT unnest($1::text[])`, MODELS);
    // Per team-hour: 2 callers × 3 models of 2xx, one denied (4xx) and one 5xx row = 8 rows, 231 requests:
    // 200 teams × 2160 hours × 231 ≈ 10^8 requests.
    const hist = `ARRAY[${Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) => (i >= 6 && i <= 14 ? 3 : 0)).join(',')}]`;
    const t0 = performance.now();
    const rowsSql = `
      WITH teams AS (SELECT tk."id" AS team_key, t."slug" FROM "UsageTeamKey" tk JOIN "Team" t ON t."id" = tk."teamId"),
      callers AS (SELECT c."id" AS caller_key, c."accountId", tm.team_key FROM "UsageCaller" c
        JOIN "Principal" p ON c."arn" = 'arn:aws:iam::' || p."accountId" || ':role/' || p."name"
        JOIN "PrincipalMapping" pm ON pm."principalId" = p."id"
        JOIN "UsageTeamKey" tkk ON tkk."teamId" = pm."teamId" JOIN teams tm ON tm.team_key = tkk."id"),
      hours AS (SELECT generate_series('2026-09-02T00:00:00Z'::timestamptz, '2026-11-30T23:00:00Z', '1 hour') AS hour),
      combos AS (
        SELECT c.team_key, c.caller_key, c."accountId", m.mk, 2 AS sc, 33 AS req, 33 AS allowed, 0 AS denied, 0 AS e5
          FROM callers c CROSS JOIN (SELECT "id" AS mk FROM "UsageModelKey" ORDER BY "id" LIMIT 3) m
        UNION ALL SELECT c.team_key, min(c.caller_key), min(c."accountId"), (SELECT min("id") FROM "UsageModelKey"), 4, 22, 0, 22, 0 FROM callers c GROUP BY c.team_key
        UNION ALL SELECT c.team_key, min(c.caller_key), min(c."accountId"), (SELECT min("id") FROM "UsageModelKey"), 5, 11, 11, 0, 11 FROM callers c GROUP BY c.team_key)`;
    const measures = `x.req, x.allowed, x.denied, x.e5, x.req * 4000::bigint, x.allowed * 20000::bigint, x.req * 900::bigint, ${hist}`;
    await db.$executeRawUnsafe(`${rowsSql}
      INSERT INTO "UsageRollup" ("hour", "teamKey", "callerKey", "modelKey", "accountId", "statusClass", "requests", "allowed", "denied", "errors5xx", "bytesReceived", "bytesSent", "durationSumMs", "latencyBuckets")
      SELECT h.hour, x.team_key, x.caller_key, x.mk, x."accountId", x.sc, ${measures}
      FROM hours h CROSS JOIN combos x`);
    await db.$executeRawUnsafe(`INSERT INTO "UsageRollupDaily" ("day", "teamKey", "callerKey", "modelKey", "accountId", "statusClass", "requests", "allowed", "denied", "errors5xx", "bytesReceived", "bytesSent", "durationSumMs", "latencyBuckets")
      SELECT date_trunc('day', "hour" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', "teamKey", "callerKey", "modelKey", "accountId", "statusClass",
        sum("requests"), sum("allowed"), sum("denied"), sum("errors5xx"), sum("bytesReceived"), sum("bytesSent"), sum("durationSumMs"),
        (SELECT array_agg(v * 24 ORDER BY i) FROM unnest(min("latencyBuckets")) WITH ORDINALITY u(v, i))
      FROM "UsageRollup" GROUP BY 1, 2, 3, 4, 5, 6`);
    await db.$executeRawUnsafe('VACUUM ANALYZE');
    const [vol] = await db.$queryRawUnsafe<{ requests: bigint; hourly: bigint; daily: bigint }[]>(
      `SELECT (SELECT sum("requests") FROM "UsageRollup") AS requests, (SELECT count(*) FROM "UsageRollup") AS hourly,
        (SELECT count(*) FROM "UsageRollupDaily") AS daily`,
    );
    console.log(
      `  rollups: ${Number(vol!.hourly).toLocaleString('en')} hourly + ${Number(vol!.daily).toLocaleString('en')} daily rows, ` +
        `${Number(vol!.requests).toExponential(2)} requests (filled in ${((performance.now() - t0) / 1000).toFixed(0)} s)`,
    );
    const actor = systemActor('system');
    const now = Date.parse('2026-12-01T00:00:00Z');
    const rnd = prng(7);
    for (const [label, range] of [
      ['90 days (daily rollups)', { from: new Date(now - 90 * DAY_MS), to: new Date(now) }],
      ['24 hours (hourly rollups)', { from: new Date(now - DAY_MS), to: new Date(now) }],
    ] as const) {
      for (let i = 0; i < 5; i++) await getTeamUsage(actor, { slug: `team-${i}`, ...range }, db); // warm-up
      const times: number[] = [];
      for (let i = 0; i < 100; i++) {
        const slug = `team-${Math.floor(rnd() * TEAMS)}`;
        const t = performance.now();
        const u = await getTeamUsage(actor, { slug, ...range }, db);
        times.push(performance.now() - t);
        if (u.totals.requests === 0) throw new Error(`no usage for ${slug}`);
      }
      console.log(
        `  team dashboard, ${label}: p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms   (target p95 < 50 ms)`,
      );
    }
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}

async function main(): Promise<void> {
  const childArg = process.argv.find((a) => a.startsWith('--child='));
  if (childArg) {
    const file = process.argv.at(-1)!;
    if (childArg === '--child=ingest') await childIngest(file);
    else await childDuckdb(file);
    return;
  }
  if (!adminUrl) {
    console.error('bench:ingest needs PostgreSQL: set DATABASE_URL (or TEST_DATABASE_URL).');
    process.exitCode = 2;
    return;
  }
  const only = process.argv.find((a) => a.startsWith('--sizes='));
  const sizes = only
    ? only.slice(8).split(',').filter(Boolean).map(Number)
    : [1e5, 1e6, ...(process.argv.includes('--big') ? [1e7] : [])];
  const dir = mkdtempSync(path.join(tmpdir(), 'bap-bench-ingest-'));
  try {
    console.log(
      'Access-log ingestion, end to end into PostgreSQL (raw rows, fingerprints, hourly + daily rollups)\n',
    );
    for (const n of sizes) {
      const file = path.join(dir, `access-${n}.log.gz`);
      await generate(file, n);
      const gzMb = statSync(file).size / 1e6;
      const ours = await child('ingest', file);
      const duck = await child('duckdb', file);
      const rps = n / ours.seconds!;
      const duckRps = n / duck.seconds!;
      console.log(`N = ${n.toExponential(0)} (${gzMb.toFixed(1)} MB gzipped)`);
      console.log(
        `  portal:  ${Math.round(rps).toLocaleString('en')} records/s, ${(gzMb / ours.seconds!).toFixed(2)} MB/s gz, ` +
          `peak RSS ${ours.maxRssMb!.toFixed(0)} MB (target < 300 MB), stored ${ours.stored}`,
      );
      console.log(
        `  disk:    ${(ours.rawBytes! / n).toFixed(1)} bytes per raw record (table + indexes); rollups ${(ours.rollupBytes! / 1e6).toFixed(1)} MB`,
      );
      console.log(
        `  duckdb:  ${Math.round(duckRps).toLocaleString('en')} records/s (read_json + group-by, 2 threads, peak RSS ${duck.maxRssMb!.toFixed(0)} MB)`,
      );
      console.log(`  ratio:   ${((rps / duckRps) * 100).toFixed(0)} % of DuckDB (target ≥ 50 %)\n`);
    }
    if (!process.argv.includes('--no-dashboard')) {
      console.log('Team dashboard over 90 days of rollups, 200 teams, ~10^8 raw records');
      await dashboardBench();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
