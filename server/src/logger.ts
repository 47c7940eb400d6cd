import pino, { type Logger } from 'pino';

/** One pino logger for the process; JSON lines, level from config. */
export function createLogger(level: string, name = 'entryrate'): Logger {
  return pino({ name, level, redact: ['req.headers.authorization', 'headers.authorization'] });
}
