// Workspace trust, checked on the manifest: a cloned repository's .vscode/settings.json must
// not be able to point signed requests at another endpoint or switch the AWS profile while
// the workspace is untrusted. (The in-host harness starts code-server with
// --disable-workspace-trust, so an untrusted run can't be done there; see docs/reliability.md.)
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ConfigurationContribution, contributedSettings } from '../support/manifestSettings';

const ROOT = path.resolve(__dirname, '../../..');

interface Manifest {
  capabilities?: {
    untrustedWorkspaces?: { supported?: boolean | 'limited'; restrictedConfigurations?: string[]; description?: string };
  };
  contributes: { configuration: ConfigurationContribution };
}

function manifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
}

describe('Reliability manifest: workspace trust and setting bounds', () => {
  it('declares limited support for untrusted workspaces', () => {
    const trust = manifest().capabilities?.untrustedWorkspaces;
    assert.ok(trust, 'capabilities.untrustedWorkspaces is declared');
    assert.equal(trust.supported, 'limited');
    assert.ok(trust.description && trust.description.length > 20, 'says what is limited');
  });

  it('restricts every setting that decides where signed requests go or which credentials sign them', () => {
    const restricted = manifest().capabilities?.untrustedWorkspaces?.restrictedConfigurations ?? [];
    for (const key of ['iamKeys.endpoint', 'iamKeys.profile', 'iamKeys.profiles', 'iamKeys.region']) {
      assert.ok(restricted.includes(key), `${key} is in restrictedConfigurations (${restricted.join(', ')})`);
    }
    const properties = contributedSettings(manifest());
    for (const key of restricted) assert.ok(key in properties, `${key} is a contributed setting`);
  });

  it('gives the numeric settings the same bounds the code enforces', () => {
    const properties = contributedSettings(manifest());
    const bounds: Record<string, [number, number]> = {
      'iamKeys.pageSize': [1, 1000],
      'iamKeys.requestTimeoutSeconds': [1, 300],
      'iamKeys.maxConcurrentRequests': [1, 16],
      'iamKeys.rotationWarningDays': [1, 3650],
      'iamKeys.hover.cacheSeconds': [0, 86400],
      'iamKeys.hover.maxLookupsPerMinute': [1, 600],
    };
    for (const [key, [min, max]] of Object.entries(bounds)) {
      assert.equal(properties[key]?.type, 'integer', key);
      assert.equal(properties[key]?.minimum, min, `${key} minimum`);
      assert.equal(properties[key]?.maximum, max, `${key} maximum`);
    }
  });
});
