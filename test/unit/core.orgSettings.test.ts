// iamKeys.organizations / iamKeys.identityCenter parsing: good entries kept, bad ones dropped
// with a warning naming the entry and the field.
import * as assert from 'node:assert/strict';
import { parseIdentityCenterSettings, parseOrganizationSettings } from '../../src/core/orgSettings';

describe('organization settings', () => {
  it('keeps valid entries with their options', () => {
    const parsed = parseOrganizationSettings([
      { profile: 'mgmt', roleName: 'IamKeysReadOnly', externalId: 'ext-42', excludeAccounts: ['111111111111'] },
      { profile: ' other ', roleName: 'Audit' },
    ]);
    assert.deepEqual(parsed.warnings, []);
    assert.deepEqual(parsed.value, [
      { profile: 'mgmt', roleName: 'IamKeysReadOnly', externalId: 'ext-42', includeAccounts: undefined, excludeAccounts: ['111111111111'] },
      { profile: 'other', roleName: 'Audit', externalId: undefined, includeAccounts: undefined, excludeAccounts: undefined },
    ]);
  });

  it('drops entries without a profile or role, with a bad role name, external ID or account list, and says which', () => {
    const parsed = parseOrganizationSettings([
      { roleName: 'R' },
      { profile: 'p' },
      { profile: 'p', roleName: 'bad role' },
      { profile: 'p', roleName: 'R', externalId: 'x' },
      { profile: 'p', roleName: 'R', includeAccounts: ['12345'] },
      'mgmt',
      { profile: 'ok', roleName: 'R' },
    ]);
    assert.deepEqual(parsed.value.map((o) => o.profile), ['ok']);
    assert.equal(parsed.warnings.length, 6);
    // non-objects are reported first, then each object entry in order
    assert.match(parsed.warnings[0], /organizations\[5\] must be an object/);
    assert.match(parsed.warnings[1], /organizations\[0\]\.profile/);
    assert.match(parsed.warnings[2], /organizations\[1\]\.roleName/);
    assert.match(parsed.warnings[3], /organizations\[2\]\.roleName/);
    assert.match(parsed.warnings[4], /organizations\[3\]\.externalId/);
    assert.match(parsed.warnings[5], /organizations\[4\]\.includeAccounts.*12-digit/);
    assert.deepEqual(parseOrganizationSettings({ profile: 'x' }).warnings, ['iamKeys.organizations must be an array of objects; ignored.']);
    assert.deepEqual(parseOrganizationSettings(undefined), { value: [], warnings: [] });
  });

  it('identity center entries need a profile and a role name', () => {
    const parsed = parseIdentityCenterSettings([{ profile: 'sso', roleName: 'ReadOnly' }, { profile: 'sso' }]);
    assert.deepEqual(parsed.value, [{ profile: 'sso', roleName: 'ReadOnly' }]);
    assert.match(parsed.warnings[0], /identityCenter\[1\]\.roleName/);
  });
});
