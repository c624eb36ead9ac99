// The harness's settings split (test/support/settingsFiles.ts) over this repo's package.json:
// the four connection settings go where a remote window reads machine-scoped settings, the
// write switch (application scope) and everything else to User. Expectations are literal.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { contributedScopes, splitSettingsByFile, writeSettingsFiles } from '../support/settingsFiles';

const PACKAGE_JSON = path.resolve(__dirname, '../../../package.json');

describe('settingsFiles: where a remote window reads each setting', () => {
  const settings = {
    'iamKeys.profile': 'demo',
    'iamKeys.profiles': ['demo-limited'],
    'iamKeys.region': 'eu-west-1',
    'iamKeys.endpoint': 'http://127.0.0.1:4566',
    'iamKeys.allowWriteActions': true,
    'iamKeys.pageSize': 8,
    'iamKeys.decorations.enabled': true,
    'workbench.startupEditor': 'none',
  };

  it("splits by package.json's scopes: machine-overridable to Machine, application, window and unknown keys to User", () => {
    assert.deepEqual(splitSettingsByFile(settings, contributedScopes(PACKAGE_JSON)), {
      machine: { 'iamKeys.profile': 'demo', 'iamKeys.profiles': ['demo-limited'], 'iamKeys.region': 'eu-west-1', 'iamKeys.endpoint': 'http://127.0.0.1:4566' },
      user: { 'iamKeys.allowWriteActions': true, 'iamKeys.pageSize': 8, 'iamKeys.decorations.enabled': true, 'workbench.startupEditor': 'none' },
    });
  });

  it('reads a scope from every contributed setting, window when none is declared', () => {
    const scopes = contributedScopes(PACKAGE_JSON);
    assert.equal(scopes.get('iamKeys.endpoint'), 'machine-overridable');
    assert.equal(scopes.get('iamKeys.allowWriteActions'), 'application');
    assert.equal(scopes.get('iamKeys.pageSize'), 'window');
    assert.equal(scopes.get('workbench.startupEditor'), undefined);
  });

  it('writes User/settings.json and Machine/settings.json under the user data dir', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-settings-'));
    try {
      writeSettingsFiles(dir, { 'iamKeys.endpoint': 'http://127.0.0.1:1', 'iamKeys.allowWriteActions': true }, contributedScopes(PACKAGE_JSON));
      assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'Machine', 'settings.json'), 'utf8')), { 'iamKeys.endpoint': 'http://127.0.0.1:1' });
      assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'User', 'settings.json'), 'utf8')), { 'iamKeys.allowWriteActions': true });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
