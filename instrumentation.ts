export async function register() {
  // Node.js runtime only (not the edge runtime); the boot code uses node: modules and the database.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startPortal } = await import('./lib/boot/start-portal');
    await startPortal();
  }
}
