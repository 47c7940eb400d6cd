import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Probe, ProbeReport } from './bench-probe.ts';

export interface Measured<T> {
  result: T;
  elapsedMs: number;
  probe: ProbeReport;
  /** CPU time of this process (the API, or the raw loop) while `work` ran. */
  cpuMs: number;
  /** CPU time of the PostgreSQL server meanwhile; null when it is not ours to read. */
  pgCpuMs: number | null;
  /** Share of the time this process's event loop was busy (0..1). */
  eventLoop: number;
}

/**
 * Runs `work` and accounts for all of it: statements (probe), this process's CPU and event loop,
 * and the embedded PostgreSQL's CPU (`pgDataDir` null: external). Whole runs, warm-up and drain
 * included, so every request is counted with all its statements.
 */
export async function measure<T>(
  options: { probe: Probe; pgDataDir: string | null },
  work: () => Promise<T>,
): Promise<Measured<T>> {
  options.probe.reset();
  const pgBefore = await postgresCpuMs(options.pgDataDir);
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  const started = performance.now();
  const result = await work();
  const elapsedMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const eventLoop = performance.eventLoopUtilization(loop).utilization;
  const probe = options.probe.report();
  const pgAfter = await postgresCpuMs(options.pgDataDir);
  return {
    result,
    elapsedMs,
    probe,
    cpuMs: (used.user + used.system) / 1000,
    pgCpuMs: pgBefore === null || pgAfter === null ? null : pgAfter - pgBefore,
    eventLoop,
  };
}

/** CPU ms a PostgreSQL server (postmaster and its children) has used so far, from Linux's /proc. */
async function postgresCpuMs(dataDir: string | null): Promise<number | null> {
  if (!dataDir) return null;
  try {
    const postmaster = (await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0];
    let ticks = 0;
    for (const pid of await readdir('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
      // After "pid (comm) ": state ppid … utime(11) stime(12) cutime(13) cstime(14), in clock ticks.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (pid === postmaster || fields[1] === postmaster) {
        ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      }
    }
    return ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** The q-quantile (0..1) of a list of numbers, nearest rank. */
export function percentile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}
