// iamKeys.organizations edge cases the first tests left open: account IDs and external IDs are
// matched whole (not a 12-digit run inside a longer value), non-string values are refused, and a
// bad excludeAccounts drops the entry with a warning naming that field.
import * as assert from 'node:assert/strict';
import { isAccountId, parseOrganizationSettings } from '../../src/core/orgSettings';

describe('organization settings (sweep)', () => {
  it('an account ID is exactly 12 digits as text', () => {
    assert.equal(isAccountId('123456789012'), true);
    assert.equal(isAccountId('1234567890123'), false);
    assert.equal(isAccountId('x123456789012'), false);
    assert.equal(isAccountId(123456789012), false);
  });

  it('drops an entry whose includeAccounts holds a number or a 13-digit ID', () => {
    const parsed = parseOrganizationSettings([
      { profile: 'a', roleName: 'R', includeAccounts: [123456789012] },
      { profile: 'b', roleName: 'R', includeAccounts: ['1234567890123'] },
      { profile: 'c', roleName: 'R', includeAccounts: ['123456789012'] },
    ]);
    assert.deepEqual(parsed.value, [{ profile: 'c', roleName: 'R', externalId: undefined, includeAccounts: ['123456789012'], excludeAccounts: undefined }]);
    assert.deepEqual(parsed.warnings, [
      'iamKeys.organizations[0].includeAccounts must be a list of 12-digit account IDs; entry ignored.',
      'iamKeys.organizations[1].includeAccounts must be a list of 12-digit account IDs; entry ignored.',
    ]);
  });

  it('drops an entry with a bad excludeAccounts and names that field', () => {
    const parsed = parseOrganizationSettings([{ profile: 'p', roleName: 'R', excludeAccounts: ['12345'] }]);
    assert.deepEqual(parsed.value, []);
    assert.deepEqual(parsed.warnings, ['iamKeys.organizations[0].excludeAccounts must be a list of 12-digit account IDs; entry ignored.']);
  });

  it('refuses an external ID that is a number or has a space anywhere', () => {
    const parsed = parseOrganizationSettings([
      { profile: 'a', roleName: 'R', externalId: 12345 },
      { profile: 'b', roleName: 'R', externalId: 'bad id' },
      { profile: 'c', roleName: 'R', externalId: 'id ok' },
      { profile: 'd', roleName: 'R', externalId: 'a:b/c@d' },
    ]);
    assert.deepEqual(parsed.value.map((o) => [o.profile, o.externalId]), [['d', 'a:b/c@d']]);
    assert.equal(parsed.warnings.length, 3);
    for (const [i, warning] of parsed.warnings.entries()) {
      assert.equal(warning, `iamKeys.organizations[${i}].externalId must be 2–1224 characters of letters, digits and +=,.@:/-; entry ignored.`);
    }
  });
});
