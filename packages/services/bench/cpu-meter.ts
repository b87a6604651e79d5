/**
 * CPU time of one measured call, on both sides: this Node process
 * (process.cpuUsage) plus the PostgreSQL backends serving the bench database
 * (/proc/<pid>/schedstat, nanoseconds on CPU). On a machine shared with other
 * builds the wall time of the same query varies 2–3× with the load average;
 * the CPU it needs barely does, so benches report both. Needs the database
 * server on this machine (else `available` is false and samples are null).
 */
import { readFileSync } from 'node:fs';
import type { Db } from '@racine/db';

const onCpuNs = (pid: number): bigint | null => {
  try {
    return BigInt(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]!);
  } catch {
    return null;
  }
};

export async function cpuMeter(db: Db) {
  const backends = async () => (await db.$queryRawUnsafe<{ pid: number }[]>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)).map((r) => r.pid);
  const available = (await backends()).some((pid) => onCpuNs(pid) !== null);
  return {
    available,
    /** Runs fn, returns its result and the CPU milliseconds it took: in total, in Node, in the database (null when the server is not local). */
    async measure<T>(fn: () => Promise<T>): Promise<{ result: T; cpuMs: number | null; nodeMs: number; serverMs: number | null }> {
      // Listed before the call (the pool's connections are open after warm-up), read before and after.
      const pids = available ? await backends() : [];
      const before = pids.map(onCpuNs);
      const node = process.cpuUsage();
      const result = await fn();
      const nodeUs = process.cpuUsage(node);
      const nodeMs = (nodeUs.user + nodeUs.system) / 1000;
      if (!available) return { result, cpuMs: null, nodeMs, serverMs: null };
      let serverNs = 0n;
      pids.forEach((pid, i) => {
        const after = onCpuNs(pid);
        if (after !== null && before[i] != null) serverNs += after - before[i]!;
      });
      const serverMs = Number(serverNs) / 1e6;
      return { result, cpuMs: nodeMs + serverMs, nodeMs, serverMs };
    },
  };
}
