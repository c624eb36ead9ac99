// The engine floor: the API typings are pinned to exactly the lowest VS Code the manifest
// accepts, so code using a newer API fails typecheck instead of failing on users' editors.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

interface Manifest {
  engines: { vscode: string };
  devDependencies: Record<string, string>;
}

describe('engine floor', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

  it('engines.vscode is a caret range no higher than 1.93', () => {
    const match = /^\^1\.(\d+)\.0$/.exec(manifest.engines.vscode);
    assert.ok(match, `engines.vscode should look like ^1.NN.0, is ${manifest.engines.vscode}`);
    assert.ok(Number(match[1]) <= 93, `engines.vscode ${manifest.engines.vscode} shuts out VS Code 1.93 users`);
  });

  it('@types/vscode is pinned exactly to the floor', () => {
    const types = manifest.devDependencies['@types/vscode'];
    assert.equal(types, manifest.engines.vscode.slice(1), 'an exact version equal to the engines.vscode floor');
    const installed = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@types/vscode/package.json'), 'utf8')) as { version: string };
    assert.equal(installed.version, types, 'node_modules has the pinned typings (run npm ci)');
  });
});
