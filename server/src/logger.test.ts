import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { createLogger } from './logger.ts';

function linesOf(production: boolean, write: (logger: ReturnType<typeof createLogger>) => void): string[] {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk) => {
    text += chunk.toString();
  });
  write(createLogger({ logLevel: 'debug', production }, out));
  return text.trim().split('\n');
}

it('prints one readable line a person can scan in development', () => {
  const [line] = linesOf(false, (logger) => logger.info({ port: 4000 }, 'EntryRate API listening'));
  expect(line).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: EntryRate API listening \{"port":4000\}$/);
});

it('keeps JSON lines for log shippers in production, without secrets', () => {
  const [line] = linesOf(true, (logger) =>
    logger.warn({ headers: { authorization: 'Bearer er_live_secret' } }, 'refused'),
  );
  const parsed = JSON.parse(line as string);
  expect(parsed).toMatchObject({ level: 40, msg: 'refused', name: 'entryrate' });
  expect(line).not.toContain('er_live_secret');
});
