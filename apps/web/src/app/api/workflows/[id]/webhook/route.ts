import { getServiceDeps } from '@racine/services';
import { handleWorkflowWebhook } from '~/server/workflow-webhook';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** A workflow's webhook trigger: no session, the HMAC signature is the credential. */
export async function POST(req: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  return handleWorkflowWebhook(getServiceDeps(), id, req);
}
