// Benchmark: the leaked-credential scan of a 100 MB workspace in 10,000 files, against a Python
// `re` baseline running the same two patterns (test/bench/leak_scan_re.py). Both walk the same
// directory, read every file as UTF-8 and scan it; each side's time is read+scan and scan
// alone, median of the runs. Findings must match what was planted, on both sides.
//
//   node out/test/bench/leakScan.js [--mb 100] [--files 10000] [--runs 3] [--keep DIR]
//
// What it measures is the scanner and Node's file reading; in the editor, iamKeys.scanWorkspace
// reads through vscode.workspace.fs and findFiles (extension host ↔ workbench), and adds one
// owner lookup per distinct key ID (cached, capped per minute).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ACCESS_KEY_ID_PATTERN, scanForLeaks, SECRET_ACCESS_KEY_PATTERN, SECRET_ENTROPY_FLOOR } from '../../src/core/leakScanner';
import { makeAccessKeyId, makeSecretAccessKey } from '../emulator/keyIds';
import { SeededRandom } from '../emulator/random';

interface Options {
  mb: number;
  files: number;
  runs: number;
  keep?: string;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { mb: 100, files: 10_000, runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = Number(argv[++i]);
    if (flag === '--keep') options.keep = argv[i];
    else if (flag === '--mb' || flag === '--files' || flag === '--runs') {
      if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a whole number above 0`);
      options[flag.slice(2) as 'mb' | 'files' | 'runs'] = value;
    } else throw new Error(`unknown option ${flag}`);
  }
  return options;
}

const FILLER = [
  '2026-05-01T12:00:00.000Z INFO  request handled in 12 ms path=/api/v1/items status=200 bytes=5120',
  '    const client = new IAMClient({ region: "us-east-1", maxAttempts: 3 }); // shared client',
  'export AWS_DEFAULT_REGION=us-east-1   # deployment pipeline configuration, see docs/deploy.md',
  '{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDAQWERTYUIOPASDFGHJ"},"eventSource":"s3.amazonaws.com"}',
  '  aws_region: eu-west-1   # secretsManagerArn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:db',
  'SECRET_KEY_BASE=not-an-aws-secret; AWS_SECRET_ACCESS_KEY=${{ secrets.AWS_SECRET_ACCESS_KEY }}',
];

/** Writes the corpus; returns what was planted. */
function writeCorpus(dir: string, options: Options): { ids: number; secrets: number; bytes: number } {
  const random = new SeededRandom(2026);
  const perFile = Math.floor((options.mb * 1024 * 1024) / options.files);
  const exts = ['json', 'yaml', 'env', 'ini', 'ts', 'log', 'md', 'py'];
  let ids = 0;
  let secrets = 0;
  let bytes = 0;
  let line = 0;
  for (let f = 0; f < options.files; f++) {
    const sub = path.join(dir, `d${String(f % 100).padStart(2, '0')}`);
    if (f < 100) fs.mkdirSync(sub, { recursive: true });
    const parts: string[] = [];
    let size = 0;
    while (size < perFile) {
      let text: string;
      line++;
      if (line % 997 === 0) {
        text = `aws_access_key_id = ${makeAccessKeyId('123456789012', random)}`;
        ids++;
      } else if (line % 1999 === 0) {
        text = `  "SecretAccessKey": "${makeSecretAccessKey(random)}",`;
        secrets++;
      } else if (line % 1499 === 0) {
        // Near misses and documentation examples: not findings.
        text = `token=X${makeAccessKeyId('123456789012', random)} doc=AKIAIOSFODNN7EXAMPLE`;
      } else text = FILLER[line % FILLER.length] as string;
      parts.push(text);
      size += Buffer.byteLength(text) + 1;
    }
    const content = parts.join('\n') + '\n';
    bytes += Buffer.byteLength(content);
    fs.writeFileSync(path.join(sub, `f${f}.${exts[f % exts.length]}`), content);
  }
  return { ids, secrets, bytes };
}

function nodeScan(dir: string): { files: number; ids: number; secrets: number; seconds: number; scanSeconds: number } {
  let files = 0;
  let ids = 0;
  let secrets = 0;
  let scanNs = 0n;
  const started = process.hrtime.bigint();
  for (const sub of fs.readdirSync(dir)) {
    for (const name of fs.readdirSync(path.join(dir, sub))) {
      const text = fs.readFileSync(path.join(dir, sub, name), 'utf8');
      files++;
      const t = process.hrtime.bigint();
      for (const finding of scanForLeaks(text)) {
        if (finding.kind === 'access-key-id') ids++;
        else secrets++;
      }
      scanNs += process.hrtime.bigint() - t;
    }
  }
  return { files, ids, secrets, seconds: Number(process.hrtime.bigint() - started) / 1e9, scanSeconds: Number(scanNs) / 1e9 };
}

function pythonScan(dir: string): { files: number; ids: number; secrets: number; seconds: number; scanSeconds: number } {
  const script = path.resolve(__dirname, '../../../test/bench/leak_scan_re.py');
  const spec = JSON.stringify({ accessKeyId: ACCESS_KEY_ID_PATTERN, secretAccessKey: SECRET_ACCESS_KEY_PATTERN, entropyFloor: SECRET_ENTROPY_FLOOR });
  return JSON.parse(execFileSync('python3', [script, dir, spec], { encoding: 'utf8', maxBuffer: 1 << 20 })) as ReturnType<typeof pythonScan>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const dir = options.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-leakbench-'));
  try {
    const planted = writeCorpus(dir, options);
    const mb = planted.bytes / (1024 * 1024);
    console.log(`corpus: ${options.files} files, ${mb.toFixed(1)} MB, planted ${planted.ids} key IDs and ${planted.secrets} secrets (${dir})`);
    const rows: Array<{ who: string; runs: Array<ReturnType<typeof nodeScan>> }> = [
      { who: 'extension scanner (Node)', runs: [] },
      { who: 'Python re, same patterns', runs: [] },
    ];
    for (let run = 0; run < options.runs; run++) {
      rows[0]!.runs.push(nodeScan(dir));
      rows[1]!.runs.push(pythonScan(dir));
    }
    for (const { who, runs } of rows) {
      for (const r of runs) {
        if (r.files !== options.files || r.ids !== planted.ids || r.secrets !== planted.secrets) {
          throw new Error(`${who} found ${r.ids} IDs and ${r.secrets} secrets in ${r.files} files; planted ${planted.ids} and ${planted.secrets} in ${options.files}`);
        }
      }
      const total = median(runs.map((r) => r.seconds));
      const scan = median(runs.map((r) => r.scanSeconds));
      console.log(`${who.padEnd(28)} read+scan ${total.toFixed(2)} s (${(mb / total).toFixed(1)} MB/s) · scan only ${scan.toFixed(2)} s (${(mb / scan).toFixed(1)} MB/s) · median of ${runs.length}`);
    }
  } finally {
    if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
