// A generated git history for the history scan's tests and benchmark, written in one
// `git fast-import` stream (seconds for 10,000 commits): each commit adds one new text file of
// about `bytesPerCommit` bytes (lowercase words: no key ID by chance); `plantedKeys` access
// key IDs each go into one commit's file, and every other one is removed again by a later
// commit (so half are in the history only). Deterministic: the same options give the same
// repository.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GIT, requireTool } from './requiredTool';

export interface HistoryRepoOptions {
  readonly commits: number;
  readonly bytesPerCommit: number;
  readonly plantedKeys: number;
}

export interface PlantedKey {
  readonly accessKeyId: string;
  /** Hash of the commit that added it. */
  readonly commit: string;
  readonly path: string;
  /** 1-based line in that commit's version of the file. */
  readonly line: number;
  /** Whether a later commit removed it (then it is not in HEAD). */
  readonly removed: boolean;
}

export interface HistoryRepo {
  readonly dir: string;
  readonly planted: readonly PlantedKey[];
  dispose(): void;
}

const WORDS = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu'.split(' ');

/** A key ID of the old format (no account in it), distinct per `n`. */
export function plantedKeyId(n: number): string {
  return `AKIAIPLANTED${String(n).padStart(8, '0')}`;
}

export async function generateHistory(options: HistoryRepoOptions): Promise<HistoryRepo> {
  requireTool(GIT);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-genhistory-'));
  const git = (args: string[]) => spawn('git', args, { cwd: dir, stdio: ['pipe', 'ignore', 'pipe'] });
  await finished(git(['init', '-q', '-b', 'main']));
  const marks = path.join(dir, '.git', 'marks');
  const importer = git(['fast-import', '--quiet', `--export-marks=${marks}`]);
  const done = finished(importer);

  let seed = 12345;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  // Which commit plants key k, and which later commit removes it (every other key).
  const plantAt = new Map<number, number>();
  const removeAt = new Map<number, number>();
  for (let k = 0; k < options.plantedKeys; k++) {
    const at = Math.floor(((k + 0.5) * options.commits) / (options.plantedKeys + 1));
    plantAt.set(at, k);
    if (k % 2 === 0) removeAt.set(Math.min(options.commits - 1, at + 1 + Math.floor(options.commits / (options.plantedKeys * 4))), k);
  }
  const planted: Array<Omit<PlantedKey, 'commit'> & { mark: number }> = [];
  const contents = new Map<number, { path: string; lines: string[] }>();
  const write = (text: string | Buffer): Promise<void> | undefined => (importer.stdin.write(text) ? undefined : new Promise((resolve) => importer.stdin.once('drain', () => resolve())));

  for (let i = 0; i < options.commits; i++) {
    const file = `d${i % 100}/f${i}.txt`;
    const lines = [`file ${i}`];
    for (let size = 0; size < options.bytesPerCommit; ) {
      const line = Array.from({ length: 8 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
      lines.push(line);
      size += line.length + 1;
    }
    const k = plantAt.get(i);
    if (k !== undefined) {
      const at = 1 + Math.floor(random() * (lines.length - 1));
      lines.splice(at, 0, `aws_access_key_id = ${plantedKeyId(k)}`);
      planted.push({ accessKeyId: plantedKeyId(k), path: file, line: at + 1, removed: k % 2 === 0, mark: i + 1 });
      contents.set(k, { path: file, lines });
    }
    const date = 1_700_000_000 + i * 600;
    const parts = [`commit refs/heads/main\nmark :${i + 1}\nauthor Gen <gen@example.com> ${date} +0000\ncommitter Gen <gen@example.com> ${date} +0000\n`];
    const message = `commit ${i}`;
    parts.push(`data ${Buffer.byteLength(message)}\n${message}\n`);
    if (i > 0) parts.push(`from :${i}\n`);
    const blob = Buffer.from(lines.join('\n') + '\n');
    parts.push(`M 100644 inline ${file}\ndata ${blob.length}\n`);
    await write(parts.join(''));
    await write(blob);
    const r = removeAt.get(i);
    const removed = r !== undefined ? contents.get(r) : undefined;
    if (removed) {
      const kept = Buffer.from(removed.lines.filter((l) => !l.startsWith('aws_access_key_id')).join('\n') + '\n');
      await write(`M 100644 inline ${removed.path}\ndata ${kept.length}\n`);
      await write(kept);
    }
    await write('\n');
  }
  importer.stdin.end();
  await done;
  // No checkout: the scan reads commits, and HEAD (refs/heads/main) is there without a work tree.
  const hashes = new Map(
    fs
      .readFileSync(marks, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(' ') as [string, string])
      .map(([mark, hash]) => [Number(mark.slice(1)), hash]),
  );
  return {
    dir,
    planted: planted.map(({ mark, ...p }) => ({ ...p, commit: hashes.get(mark) as string })),
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function finished(child: ReturnType<typeof spawn>): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`git exited with ${code}: ${stderr.slice(0, 500)}`))));
  });
}
