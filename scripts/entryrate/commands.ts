import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../../server/src/config.ts';
import type { Database } from '../../server/src/db/database.ts';
import { parse } from '../../server/src/http/validate.ts';
import {
  apiKeyKind,
  apiKeyMode,
  apiKeyName,
  promoterName,
} from '../../server/src/promoters/api-keys.schema.ts';
import {
  createApiKeyForPromoter,
  createPromoterWithKeys,
  listPromoters,
  revokeAnyApiKey,
} from '../../server/src/promoters/api-keys.service.ts';

/** The flags parseArgs read, by name; each command's `input` checks its own. */
export type Values = Record<string, unknown>;

/** One `npm run entryrate -- <group> <action>` command: what it takes, checked before any database opens. */
export interface Command<Input = unknown> {
  synopsis: string;
  summary: string;
  /** Names of the positional arguments, all required, in order. */
  args: string[];
  options: NonNullable<ParseArgsConfig['options']>;
  /** Checks the input (throwing an error whose message is one plain line), before any database opens. */
  input(args: string[], values: Values): Input;
  run(db: Database, input: Input, config: Readonly<Config>): Promise<void>;
}

const command = <Input>(c: Command<Input>) => c as Command;

/** Commands by `<group> <action>`, in the order the usage lists them. */
export const COMMANDS: Record<string, Command> = {
  'promoter create': command({
    synopsis: 'promoter create "<name>"',
    summary: 'a new promoter, with a test key and a live key (shown once)',
    args: ['name'],
    options: {},
    input: ([name]) => parse(promoterName, name, 'name'),
    async run(db, name, config) {
      const { promoterId, testKey, liveKey } = await createPromoterWithKeys(db, name);
      console.log(`
  Promoter created: ${name}

  id:        ${promoterId}
  test key:  ${testKey}
  live key:  ${liveKey}
${shownOnce('These keys are', 'them')}`);
      if (config.stripe.sim) console.log(liveKeysRefused);
    },
  }),

  'promoter list': command({
    synopsis: 'promoter list',
    summary: 'every promoter, with its active keys per mode',
    args: [],
    options: {},
    input: () => undefined,
    async run(db) {
      const promoters = await listPromoters(db);
      if (promoters.length === 0) {
        console.log('No promoters yet: npm run entryrate -- promoter create "<name>" makes one.');
        return;
      }
      const rows = promoters.map((p) => [
        p.id,
        p.name,
        p.createdAt.slice(0, 10),
        String(p.activeKeys.test),
        String(p.activeKeys.live),
      ]);
      console.log(table(['ID', 'NAME', 'CREATED', 'TEST KEYS', 'LIVE KEYS'], rows));
    },
  }),

  'key create': command({
    synopsis: 'key create <promoterId> [--mode test|live] [--kind secret|admin] [--name "<label>"]',
    summary:
      'a new key for the promoter (test mode unless --mode live; --kind admin also acts for the promoters it manages), shown once',
    args: ['promoterId'],
    options: { mode: { type: 'string' }, kind: { type: 'string' }, name: { type: 'string' } },
    input: ([promoterId], values) => ({
      promoterId: promoterId as string,
      mode: parse(apiKeyMode, values.mode ?? 'test', '--mode'),
      kind: parse(apiKeyKind, values.kind ?? 'secret', '--kind'),
      name: values.name === undefined ? undefined : parse(apiKeyName, values.name, '--name'),
    }),
    async run(db, input, config) {
      const key = await createApiKeyForPromoter(db, input.promoterId, input);
      if (!key) throw noPromoter(input.promoterId);
      console.log(`
  Key created for ${input.promoterId}: ${key.id} (${key.mode} mode${key.kind === 'admin' ? ', admin' : ''}${key.name ? `, "${key.name}"` : ''})

  secret:  ${key.secret}
${shownOnce('This key is', 'it')}`);
      if (key.mode === 'live' && config.stripe.sim) console.log(liveKeysRefused);
    },
  }),

  'key revoke': command({
    synopsis: 'key revoke <keyId>',
    summary: 'revokes a key: the next request made with it answers 401',
    args: ['keyId'],
    options: {},
    input: ([keyId]) => keyId as string,
    async run(db, keyId) {
      const revoked = await revokeAnyApiKey(db, keyId);
      if (!revoked) throw new Error(`No API key has the id '${keyId}'.`);
      const { key, promoterId, alreadyRevoked } = revoked;
      if (alreadyRevoked) throw new Error(`Key ${keyId} was already revoked, at ${key.revokedAt}.`);
      console.log(`Revoked ${key.id} (${key.mode} mode, ending ${key.last4}) of ${promoterId}.`);
    },
  }),
};

function noPromoter(id: string): Error {
  return new Error(`No promoter has the id '${id}': npm run entryrate -- promoter list shows them.`);
}

const shownOnce = (subject: string, object: string) => `
  ${subject} shown only once: store ${object} now. EntryRate keeps only hashes; a lost key is
  revoked (npm run entryrate -- key revoke <keyId>) and replaced.
`;

const liveKeysRefused = `  Live keys are refused (403) while the server runs against the stripe-sim: set
  STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET to use live mode.
`;

/** Left-aligned columns two spaces apart, under a header. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [header, ...rows].map(line).join('\n');
}
