import 'dotenv/config';
import { defineConfig } from 'prisma/config';

// Prisma 7: env('DATABASE_URL') throws when unset, which would break `prisma generate` on a machine
// without a database, so the datasource url is only set when the variable exists.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
