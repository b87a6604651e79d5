/**
 * A worker thread's entry point (see classify-pool.ts): classifies the
 * columns of one table with the built-in detectors and posts the
 * suggestions back. Pure CPU work — no database, no connector.
 */
import { parentPort } from 'node:worker_threads';
import { classifyColumn } from '../classification/engine';
import type { ClassifyRequest, ClassifyResponse } from './classify-columns';

if (!parentPort) throw new Error('classify-worker.ts runs as a worker thread (new Worker), not as a script');
const port = parentPort;

port.on('message', (request: ClassifyRequest) => {
  let response: ClassifyResponse;
  try {
    const results = request.columns.map((c) => classifyColumn(c.column, { values: c.values }, { ...request.options, suppressed: c.suppressed }));
    response = { id: request.id, results };
  } catch (error) {
    response = { id: request.id, error: (error as Error).message ?? String(error) };
  }
  port.postMessage(response);
});
