// `npm start`'s set-up: the organization demo's arguments and settings (scripts/start-demo.mjs),
// and a first install that keeps apt's ~1,000 progress lines out of the log unless apt fails
// (scripts/install-system-deps.sh run against stand-in dpkg-query / apt-get / sudo / id).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoSettings, parseStartArgs } from '../../scripts/start-demo.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('npm start: the organization demo', () => {
  it('--organization points the window at the organization emulator with iamKeys.organizations', () => {
    assert.equal(parseStartArgs(['--organization', '--port', '8080']).organization, true);
    assert.equal(parseStartArgs([]).organization, false);
    assert.deepEqual(demoSettings({ url: 'http://127.0.0.1:4000', profileNames: ['demo', 'demo-root', 'demo-limited'], organizationRole: 'IamKeysReadOnly' }), {
      'iamKeys.endpoint': 'http://127.0.0.1:4000',
      'iamKeys.profile': 'demo',
      'iamKeys.profiles': [],
      'iamKeys.organizations': [{ profile: 'demo', roleName: 'IamKeysReadOnly' }],
    });
  });

  it('without it, the IAM demo: demo and demo-limited, no organization', () => {
    const settings = demoSettings({ url: 'http://127.0.0.1:4000', profileNames: ['demo', 'demo-root', 'demo-limited'] });
    assert.deepEqual(settings['iamKeys.profiles'], ['demo-limited']);
    assert.equal('iamKeys.organizations' in settings, false);
  });

  it('refuses an unknown argument, naming it and the usage', () => {
    assert.throws(() => parseStartArgs(['--organisation']), /unknown argument --organisation\nusage: .*--organization/);
  });
});

describe('npm start: first install of the Debian packages', () => {
  /** Runs the script with stand-ins on PATH; `aptExit` is apt-get install's exit code. */
  function install(aptExit) {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-apt-'));
    const stub = (name, body) => fs.writeFileSync(path.join(bin, name), `#!/bin/bash\n${body}\n`, { mode: 0o755 });
    stub('dpkg-query', 'exit 1'); // nothing installed
    stub('id', 'echo 0'); // root: no sudo
    stub('apt-get', `if [ "$1" = update ]; then exit 0; fi\nfor i in $(seq 1 1000); do echo "Unpacking package-$i ..."; done\nexit ${aptExit}`);
    const run = spawnSync('bash', [path.join(ROOT, 'scripts/install-system-deps.sh')], { encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    fs.rmSync(bin, { recursive: true, force: true });
    return run;
  }

  it("installing prints a few lines, not apt's progress", () => {
    const run = install(0);
    assert.equal(run.status, 0, run.stderr);
    const lines = `${run.stdout}${run.stderr}`.trim().split('\n');
    assert.ok(lines.length <= 3, lines.slice(0, 5).join('\n'));
    assert.match(run.stdout, /install-system-deps: done in \d+ s \(1000 lines of apt output in \S+\)/);
  });

  it("a failing apt-get shows the end of apt's output and fails", () => {
    const run = install(100);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /Unpacking package-1000/);
    assert.doesNotMatch(run.stderr, /Unpacking package-900\n/);
    assert.match(run.stderr, /apt-get failed; the whole log: /);
  });
});
