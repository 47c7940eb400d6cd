import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * How to run the API: `dev` is `tsx server/src/main.ts`; `serve` is what `npm run serve` runs, the
 * compiled server (npm itself is left out, so signals reach the server without a process between).
 */
const COMMANDS = {
  dev: [`${ROOT}node_modules/.bin/tsx`, ['server/src/main.ts']],
  serve: [process.execPath, ['--enable-source-maps', 'server/dist/main.js']],
} as const;

export interface ApiProcess {
  url: string;
  /** SIGTERM to its process group (main.ts stops gracefully), then SIGKILL if it has not exited within 10 s. */
  stop(): Promise<void>;
  /** SIGKILL to its process group at once: a crash, with no graceful anything. */
  kill(): Promise<void>;
  /** The last few KB it printed, for a failing test's message. */
  output(): string;
}

/**
 * The API as a process of its own against an existing database; resolves once `waitFor`
 * (`/health` by default, or `/ready`: database up and migrations current) answers 200.
 */
export async function startApiProcess(options: {
  databaseUrl: string;
  port: number;
  env?: NodeJS.ProcessEnv;
  command?: keyof typeof COMMANDS;
  waitFor?: '/health' | '/ready';
}): Promise<ApiProcess> {
  const { port, command = 'dev', waitFor = '/health' } = options;
  if (command === 'serve' && !existsSync(`${ROOT}server/dist/main.js`)) {
    throw new Error('server/dist/main.js is missing: run npm run build first');
  }
  const [file, args] = COMMANDS[command];
  const child = spawn(file, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A group of its own, so stop() reaches tsx's child too.
    detached: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopProcess(child);
  try {
    await waitForOk(`${url}${waitFor}`, child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- API output ---\n${output}`);
  }
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    signalGroup(child, 'SIGKILL');
    await exited;
  };
  return { url, stop, kill, output: () => output };
}

async function waitForOk(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API process exited with code ${child.exitCode}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(1000) })
      .then((res) => res.status === 200)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-(child.pid as number), signal);
  } catch {
    // The group is already gone.
  }
}

/** The first port from `first` (within 100) that nothing listens on. */
export async function freePort(first: number): Promise<number> {
  for (let port = first; port < first + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port in ${first}..${first + 99}`);
}
