/**
 * A real worker in a child process, for the crash tests: started from a
 * worker entry file (which prints `worker-ready` once it polls for jobs),
 * killed with a chosen signal, and every one still alive killed at the end.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Resolves once the process has exited (at once if it already has). */
export function killProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/**
 * Starts worker processes of `entry` (run with tsx from the repo root) with
 * the test's environment plus `env`; `killAll` (for afterAll) SIGKILLs the ones left.
 */
export function workerProcesses(entry: string, env: Record<string, string> = {}) {
  const children: ChildProcess[] = [];
  return {
    /** A new worker process, once it said it is ready (within 60 s). */
    async start(): Promise<ChildProcess> {
      const child = spawn(process.execPath, ['--import', 'tsx', entry], {
        cwd: repoRoot,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let err = '';
      child.stderr!.on('data', (d) => (err += String(d)));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`worker did not start within 60 s: ${err}`)),
          60_000,
        );
        child.stdout!.on('data', (d) => {
          if (String(d).includes('worker-ready')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`worker exited (${code}) before it was ready: ${err}`));
        });
      });
      return child;
    },
    killAll: () =>
      Promise.all(children.map((c) => killProcess(c, 'SIGKILL'))).then(() => undefined),
  };
}
