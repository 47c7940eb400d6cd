import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What `npm run stripe-sim` runs, without npm between, so that signals reach the sim. */
const COMMAND = [`${ROOT}node_modules/.bin/tsx`, ['stripe-sim/src/main.ts']] as const;

export interface SimProcess {
  /** The API's base URL, read from the sim's "listening on" line. */
  url: string;
  /** Everything the sim printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM to the process group, then SIGKILL if it has not exited within 5 s. */
  stop(): Promise<void>;
}

function spawnSim(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(COMMAND[0], COMMAND[1], {
    cwd: ROOT,
    env: { ...process.env, STRIPE_SIM_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A group of its own, so that stop() reaches tsx's child too.
    detached: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => output };
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, 'exit');
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), name);
    } catch {
      // The group is already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Runs the sim as its own process with `env` (port 0 unless set); resolves once it listens. */
export async function startSimProcess(env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<SimProcess> {
  const { child, output } = spawnSim(env);
  const stop = () => stopGroup(child);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const url = output().match(/listening on (http:\/\/\S+)/)?.[1];
    if (url) return { url, output, stop };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the stripe-sim did not start (exit code ${child.exitCode}):\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs the sim with `env` expecting it to refuse to start; resolves with its exit code and output. */
export async function simProcessExit(
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  const { child, output } = spawnSim(env);
  const timer = setTimeout(() => void stopGroup(child), 15_000);
  // 'close', not 'exit': by then all it printed has been read.
  const [code] = (await once(child, 'close')) as [number | null];
  clearTimeout(timer);
  return { code, output: output() };
}
