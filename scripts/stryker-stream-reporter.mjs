// A Stryker reporter (plugin "stream") for whole-file sweeps: Stryker writes its reports only when a
// run ends, so this one appends each mutant that survives (or that no test reaches) to a file as
// soon as it is known, so tests can be written while the sweep goes on. STRYKER_STREAM_DIR names
// the folder; the lines go to <source file's base name>.txt there, in the format of
// scripts/stryker-survivors.mjs, and a last line "DONE" is added to each when the run ends.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { declareClassPlugin, PluginKind } from '@stryker-mutator/api/plugin';

class StreamReporter {
  constructor() {
    this.dir = process.env.STRYKER_STREAM_DIR;
    if (this.dir) fs.mkdirSync(this.dir, { recursive: true });
  }
  fileFor(source) {
    return path.join(this.dir, `${path.basename(source, '.ts')}.txt`);
  }
  onMutantTested(result) {
    if (!this.dir || (result.status !== 'Survived' && result.status !== 'NoCoverage')) return;
    // The result's location is the report schema's (1-based line and column), its file absolute.
    const { start } = result.location;
    const source = path.relative(process.cwd(), result.fileName);
    fs.appendFileSync(this.fileFor(source), `  ${result.status}\t${source}:${start.line}:${start.column - 1}\t${result.mutatorName}\t${JSON.stringify(result.replacement ?? '').slice(0, 100)}\n`);
  }
  onMutationTestReportReady(report) {
    if (!this.dir) return;
    for (const source of Object.keys(report.files)) fs.appendFileSync(this.fileFor(source), 'DONE\n');
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'stream', StreamReporter)];
