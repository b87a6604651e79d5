/**
 * The HTTP side of a workflow's webhook: reads the raw body (the signature is
 * over its exact bytes) and the two headers, and maps the service's answer to
 * a status. 202 with the execution id; 401 bad or missing signature; 404 no
 * such workflow or its webhook is off; 400 a body that is not a JSON object
 * or a wrong parameter; 413 too large. The checks live in the service.
 */
import { AppError, DELIVERY_HEADER, MAX_WEBHOOK_BODY, receiveWebhook, type ServiceDeps, SIGNATURE_HEADER } from '@racine/services';

const STATUS: Partial<Record<AppError['code'], number>> = { BAD_REQUEST: 400, UNAUTHORIZED: 401, NOT_FOUND: 404, PRECONDITION_FAILED: 409, CONFLICT: 409, QUOTA_EXCEEDED: 429 };

const answer = (status: number, body: unknown) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

export async function handleWorkflowWebhook(deps: ServiceDeps, workflowId: string, req: Request): Promise<Response> {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > MAX_WEBHOOK_BODY) return answer(413, { error: `The body is larger than ${MAX_WEBHOOK_BODY} bytes` });
  const rawBody = await req.text();
  try {
    const started = await receiveWebhook(deps, { workflowId, rawBody, signature: req.headers.get(SIGNATURE_HEADER), deliveryId: req.headers.get(DELIVERY_HEADER) });
    return answer(202, { executionId: started.executionId, status: started.status });
  } catch (error) {
    if (error instanceof AppError && STATUS[error.code]) return answer(STATUS[error.code]!, { error: error.message });
    console.error(`workflow webhook ${workflowId} failed:`, error);
    return answer(500, { error: 'The webhook could not be processed' });
  }
}
