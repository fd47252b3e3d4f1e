/** Admin reads change only through admin writes, which invalidate; a minute of staleness is harmless. */
export const ADMIN_STALE_TIME = 60_000;
