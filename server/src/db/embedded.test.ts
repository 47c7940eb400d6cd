import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { firstBlockedFolder } from './embedded.ts';

// As root, the embedded PostgreSQL runs as the `postgres` user: a folder on the way to its data or
// binaries that this user may not enter must be named before initdb fails with a bare EACCES.
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'entryrate-reach-'));
  await chmod(dir, 0o755);
});
afterEach(async () => {
  await chmod(path.join(dir, 'private'), 0o755).catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

it('names the first folder that others may not enter', async () => {
  await mkdir(path.join(dir, 'private', 'clone'), { recursive: true });
  await chmod(path.join(dir, 'private'), 0o700);
  const target = path.join(dir, 'private', 'clone', '.data', 'pg');
  expect(await firstBlockedFolder(target, null)).toBe(path.join(dir, 'private'));
});

it('lets the postgres user through a folder it owns or shares a group with', async () => {
  await mkdir(path.join(dir, 'private'), { recursive: true });
  await chmod(path.join(dir, 'private'), 0o750);
  const target = path.join(dir, 'private', 'pg');
  const owner = { uid: process.getuid?.() ?? 0, gid: -1 };
  const group = { uid: -1, gid: process.getgid?.() ?? 0 };
  expect(await firstBlockedFolder(target, owner)).toBeNull();
  expect(await firstBlockedFolder(target, group)).toBeNull();
  expect(await firstBlockedFolder(target, { uid: -1, gid: -1 })).toBe(path.join(dir, 'private'));
});

it('passes folders others may enter, and stops at the first one not made yet', async () => {
  await mkdir(path.join(dir, 'open'), { recursive: true });
  expect(await firstBlockedFolder(path.join(dir, 'open', 'not', 'yet', 'pg'), null)).toBeNull();
});
