// Runs chosen Stryker mutants of one source file against chosen compiled unit tests, one mutant at
// a time: for finding survivors before a Stryker run ends (it reports only at its end) and for
// showing that a new test fails on a mutant. Stryker's own instrumenter lists the mutants, so the
// ids and replacements are the run's. Each mutant is applied to the TypeScript, transpiled with
// esbuild over the compiled copy in out/, and the original is put back at the end.
//   npm run compile-tests
//   node scripts/stryker-apply-mutants.mjs src/core/leakScanner.ts 0,27,45 out/test/unit/core.leakScanner.test.js …
//   (ids "all" for every mutant; prints id, line:column, Killed|Survived|Timeout, mutator, replacement)
//   node scripts/stryker-apply-mutants.mjs src/aws/errors.ts list   (only lists: id, line:column, mutator, replacement)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import esbuild from 'esbuild';
import { Instrumenter } from '@stryker-mutator/instrumenter';

const [source, idList, ...specs] = process.argv.slice(2);
if (!source || !idList || (specs.length === 0 && idList !== 'list')) {
  console.error('usage: node scripts/stryker-apply-mutants.mjs <src/…/file.ts> <ids|all|list> <out/test/unit/….test.js>…');
  process.exit(2);
}
const compiled = path.join('out', source.replace(/\.ts$/, '.js'));
const quiet = () => false;
const logger = { debug() {}, info() {}, warn() {}, error() {}, trace() {}, fatal() {}, isDebugEnabled: quiet, isTraceEnabled: quiet, isInfoEnabled: quiet, isWarnEnabled: quiet, isErrorEnabled: quiet, isFatalEnabled: quiet };
const content = fs.readFileSync(source, 'utf8');
const { mutants } = await new Instrumenter(logger).instrument([{ name: source, mutate: true, content }], { plugins: null, excludedMutations: [], ignorers: [], noHeader: false });
if (idList === 'list') {
  for (const m of mutants) console.log(`${m.id}\t${m.location.start.line + 1}:${m.location.start.column}\t${m.mutatorName}\t${JSON.stringify(m.replacement).slice(0, 100)}`);
  process.exit(0);
}
const lineStarts = [0];
for (let i = 0; i < content.length; i++) if (content[i] === '\n') lineStarts.push(i + 1);
const offset = (p) => lineStarts[p.line] + p.column;
const wanted = idList === 'all' ? undefined : new Set(idList.split(','));
const original = fs.readFileSync(compiled, 'utf8');
// As stryker.config.mjs: time-ratio checks are no oracle for a mutant.
const skip = '× the time|stay linear|costs less than';
try {
  for (const m of mutants) {
    if (wanted && !wanted.has(m.id)) continue;
    const mutated = content.slice(0, offset(m.location.start)) + m.replacement + content.slice(offset(m.location.end));
    fs.writeFileSync(compiled, esbuild.transformSync(mutated, { loader: 'ts', format: 'cjs', target: 'es2022' }).code);
    let status = 'Survived';
    // SIGKILL: a mutant that loops forever never lets signal-exit's SIGTERM handler (proper-lockfile) run.
    try {
      execFileSync(process.execPath, [path.join('node_modules', 'mocha', 'bin', 'mocha.js'), '--timeout', '20000', '--bail', '--reporter', 'dot', '--grep', skip, '--invert', ...specs], { stdio: 'pipe', timeout: 30_000, killSignal: 'SIGKILL' });
    } catch (err) {
      status = err.code === 'ETIMEDOUT' || err.signal ? 'Timeout' : 'Killed';
    }
    console.log(`${m.id}\t${m.location.start.line + 1}:${m.location.start.column}\t${status}\t${m.mutatorName}\t${JSON.stringify(m.replacement).slice(0, 100)}`);
  }
} finally {
  fs.writeFileSync(compiled, original);
}
