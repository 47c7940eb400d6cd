import { createMailCatcher, type MailCatcher, type MailCatcherOptions } from './index.ts';

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name] || String(fallback);
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > 65535)
    throw new Error(`${name} must be a port number (0-65535), got "${raw}"`);
  return value;
}

/** The catcher's settings from the environment (what `npm run mail-catcher` reads), failing fast with the variable's name. */
function configFromEnv(env: NodeJS.ProcessEnv): MailCatcherOptions {
  return Object.freeze({
    smtpPort: port(env, 'MAIL_SMTP_PORT', 1025),
    webPort: port(env, 'MAIL_WEB_PORT', 1080),
    host: env.HOST || undefined,
  });
}

let options: MailCatcherOptions;
try {
  options = configFromEnv(process.env);
} catch (err) {
  console.error(`[mail-catcher] ${(err as Error).message}`);
  process.exit(1);
}

let catcher: MailCatcher;
try {
  catcher = await createMailCatcher(options);
} catch (err) {
  // Most often a port in use: say which, rather than print a stack.
  console.error(
    `[mail-catcher] could not start: ${(err as Error).message} (MAIL_SMTP_PORT, MAIL_WEB_PORT, HOST)`,
  );
  process.exit(1);
}
console.log(`[mail-catcher] SMTP on ${catcher.smtpUrl} (set SMTP_URL to it); inbox at ${catcher.webUrl}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) process.exit(1); // a second signal: stop waiting
  stopping = true;
  console.log(`[mail-catcher] ${signal}: stopping`);
  await catcher.stop();
  // Exit explicitly: a runner such as tsx may hold the process open after its signal was handled.
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
