import { AppError, type AppErrorCode } from '@racine/services';
import { TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';

type TRPCCode = ConstructorParameters<typeof TRPCError>[0]['code'];

/** The one place domain errors become tRPC (and so HTTP) errors. */
const codes: Record<AppErrorCode, TRPCCode> = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  QUOTA_EXCEEDED: 'UNPROCESSABLE_CONTENT',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: codes[error.code], message: error.message, cause: error });
}

/** "name: Names need at least 2 characters; slug: …" — readable without parsing the issues. */
export function summarizeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export function formatError<TShape extends { message: string; data: object }>(shape: TShape, error: TRPCError) {
  const cause = error.cause;
  if (cause instanceof ZodError) {
    return { ...shape, message: `Invalid input: ${summarizeZodError(cause)}`, data: { ...shape.data, zodError: z.flattenError(cause), appCode: null, details: null } };
  }
  if (cause instanceof AppError) return { ...shape, data: { ...shape.data, zodError: null, appCode: cause.code, details: cause.details ?? null } };
  return { ...shape, data: { ...shape.data, zodError: null, appCode: null, details: null } };
}
