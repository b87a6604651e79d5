/** Per-step logs (WorkflowStepLog): status changes and what step types say. Never one activity row per step. */
import type { DbOrTx, Prisma } from '@racine/db';
import { toJson } from '../../activity/append';

export type LogLevel = 'info' | 'warn' | 'error';

export async function writeLog(db: DbOrTx, executionId: string, stepRunId: string | null, message: string, data?: unknown, level: LogLevel = 'info'): Promise<void> {
  await db.workflowStepLog.create({
    data: { executionId, stepRunId, message: message.slice(0, 4_000), level, data: data === undefined ? undefined : (toJson(data) as Prisma.InputJsonValue) },
  });
}

export async function writeLogs(db: DbOrTx, rows: { executionId: string; stepRunId: string | null; message: string; level?: LogLevel; data?: unknown }[]): Promise<void> {
  if (!rows.length) return;
  await db.workflowStepLog.createMany({
    data: rows.map((r) => ({ executionId: r.executionId, stepRunId: r.stepRunId, message: r.message.slice(0, 4_000), level: r.level ?? 'info', data: r.data === undefined ? undefined : (toJson(r.data) as Prisma.InputJsonValue) })),
  });
}
