import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';

const project = fileURLToPath(new URL('../types/tsconfig.json', import.meta.url));
const file = fileURLToPath(new URL('../types/types.test-d.ts', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const DIRECTIVE = /^\s*\/\/ @ts-expect-error\b.*$/;

/** The errors of the type-test project with `text` in place of the type-test file, by line (1-based). */
function errorLinesWith(text: string): Map<number, string> {
  const { config } = ts.readConfigFile(project, ts.sys.readFile);
  const { options, fileNames } = ts.parseJsonConfigFileContent(
    config,
    ts.sys,
    fileURLToPath(new URL('../types', import.meta.url)),
  );
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, language, ...rest) =>
    name === file ? ts.createSourceFile(name, text, language) : getSourceFile(name, language, ...rest);
  const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram(fileNames, options, host));
  const lines = new Map<number, string>();
  for (const diagnostic of diagnostics) {
    assert.equal(
      diagnostic.file?.fileName,
      file,
      ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    );
    const { line } = ts.getLineAndCharacterOfPosition(diagnostic.file, diagnostic.start ?? 0);
    lines.set(line + 1, ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  }
  return lines;
}

describe('the types (test/types/types.test-d.ts)', () => {
  const source = readFileSync(file, 'utf-8').split('\n');
  const directives = source.flatMap((line, index) => (DIRECTIVE.test(line) ? [index + 1] : []));

  it('compile with tsc, every @ts-expect-error met', async () => {
    assert.ok(directives.length >= 5, `${directives.length} directives`);
    await promisify(execFile)(process.execPath, [tsc, '-p', project]).catch((error) =>
      assert.fail(`tsc -p test/types failed:\n${error.stdout}${error.stderr}`),
    );
  });

  it('refuse each of those lines once its directive is gone, and nothing else', () => {
    // Blank lines in place of the directives, so that every other line keeps its number.
    const stripped = source.map((line) => (DIRECTIVE.test(line) ? '' : line)).join('\n');
    const errors = errorLinesWith(stripped);
    const expected = directives.map((line) => line + 1);
    assert.deepEqual(
      [...errors.keys()].sort((a, b) => a - b),
      expected,
      [...errors].map(([l, m]) => `${l}: ${m}`).join('\n'),
    );
  });
});
