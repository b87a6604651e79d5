/**
 * Runs once when the Next.js server starts. In the embedded default (and
 * unless RACINE_WORKER=off) the web process also runs the job worker, so
 * scans run with nothing else started; production runs `npm run worker`
 * processes instead and sets RACINE_WORKER=off here.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.RACINE_WORKER === 'off' || !process.env.DATABASE_URL) return;
  const { getServiceDeps, startRacineWorker } = await import('@racine/services');
  try {
    await startRacineWorker(getServiceDeps(), {
      databaseUrl: process.env.DATABASE_URL,
      concurrency: Number(process.env.RACINE_WORKER_CONCURRENCY ?? 2),
      // Through the embedded PGlite, LISTEN/NOTIFY does not reach the worker: poll briskly.
      pollIntervalMs: process.env.RACINE_BUS === 'memory' ? 300 : 2000,
      // The embedded default is one process: jobs locked at start were abandoned by a crash.
      soleWorker: process.env.RACINE_BUS === 'memory',
    });
    console.log('[racine] job worker started in the web process');
  } catch (error) {
    console.error('[racine] the job worker did not start; scans will stay queued:', error);
  }
}
