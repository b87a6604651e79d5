import { getHealth, getServiceDeps } from '@racine/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** For load balancers: no auth, 200 while the database answers (healthy or degraded), 503 when down. */
export async function GET() {
  try {
    const report = await getHealth(getServiceDeps());
    return Response.json(report, {
      status: report.status === 'down' ? 503 : 200,
      headers: { 'Cache-Control': 'no-store' },
    });
  } catch (error) {
    // getServiceDeps throws when DATABASE_URL is missing: still answer, as "down".
    return Response.json(
      { status: 'down', error: error instanceof Error ? error.message : String(error) },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
