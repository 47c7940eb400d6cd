import type { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config.ts';

/**
 * One pino logger for the process. In production, JSON lines for log shippers; otherwise pino's
 * own pretty printer, so `npm start` prints time, level, message and the few fields that matter on
 * one line each. `destination` (stdout by default) is where tests read the lines.
 */
export function createLogger(
  config: Pick<Config, 'logLevel' | 'production'>,
  destination?: Writable,
): Logger {
  const settings = {
    name: 'entryrate',
    level: config.logLevel,
    redact: ['req.headers.authorization', 'headers.authorization'],
  };
  if (config.production) return destination ? pino(settings, destination) : pino(settings);
  // Synchronous, in this thread: no worker to outlive a stopped process, and lines are never lost.
  const stream = pretty({
    colorize: !destination && Boolean(process.stdout.isTTY),
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,name',
    singleLine: true,
    sync: true,
    ...(destination ? { destination } : {}),
  });
  return pino(settings, stream);
}
