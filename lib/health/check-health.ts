import { getDb } from '@/lib/db';

/** Liveness plus database readiness. */
export async function checkHealth(): Promise<{ status: 'ok' | 'unavailable' }> {
  try {
    const db = await getDb();
    await db.$queryRaw`SELECT 1`;
    return { status: 'ok' };
  } catch {
    return { status: 'unavailable' };
  }
}
