// Stryker's build step in a sandbox (.stryker-tmp/sandbox-*): compiles the unit tests to out/.
// Stryker links node_modules into the sandbox only when it is a real folder; a worktree whose
// node_modules is itself a link gets none, and tests that read node_modules/ by path fail, so
// the link is made here when missing.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const sandbox = process.cwd();
const linked = path.join(sandbox, 'node_modules');
// The project is the nearest folder above the sandbox that has node_modules (the sandbox sits in
// .stryker-tmp/, or .stryker-tmp/sample-<folder>/ for the sampled runs).
let project = path.dirname(sandbox);
while (!fs.existsSync(path.join(project, 'node_modules')) && path.dirname(project) !== project) project = path.dirname(project);
if (!fs.existsSync(linked)) fs.symlinkSync(path.join(project, 'node_modules'), linked, 'junction');
execFileSync(process.execPath, [path.join(linked, 'typescript', 'bin', 'tsc'), '-p', 'test/tsconfig.json'], { stdio: 'inherit' });
