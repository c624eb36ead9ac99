// Behaviours of src/core that the sampled Stryker run found no unit test checking (issue #27,
// docs/testing.md "Folder scores (sampled)"): labels, refusals and bounds, each expected value
// written out.
import * as assert from 'node:assert/strict';
import { describeIdKind, isDocumentationExampleKey } from '../../src/core/accessKeyIds';
import { encodeCliNextToken, type CliNextToken } from '../../src/core/cliJson';
import { parseCredentialReport } from '../../src/core/credentialReport';
import { healthLegend } from '../../src/core/keyHealth';
import { TtlCache } from '../../src/core/lookupLimiter';
import { parseBoundedInteger } from '../../src/core/validation';

describe('src/core sampled survivors: labels, refusals and bounds', () => {
  it('an ASCA ID is labelled a Certificate', () => {
    assert.equal(describeIdKind('certificate'), 'Certificate');
  });

  it('only IDs that end in EXAMPLE are documentation examples', () => {
    assert.equal(isDocumentationExampleKey('AKIAIOSFODNN7EXAMPLE'), true);
    assert.equal(isDocumentationExampleKey('AKIAIOSFODNN7EXAMPLE2'), false);
    assert.equal(isDocumentationExampleKey('AKIAEXAMPLEKEYOFBOB2'), false);
  });

  it('a NextToken with a marker that is not text is refused as such', () => {
    assert.throws(() => encodeCliNextToken({ marker: 5 } as unknown as CliNextToken), { name: 'TypeError', message: 'marker must be a string' });
  });

  it('an empty credential report holds no users and is not refused for missing columns', () => {
    const report = parseCredentialReport('', new Date('2026-06-01T00:00:00Z'), () => []);
    assert.deepEqual(report.users, []);
  });

  it('the legend explains the 90-day unused marker in words', () => {
    assert.ok(healthLegend({ rotationWarningDays: 90 }).includes('): active and not used for 90 days or more, counted from creation if never used.\n'));
  });

  it('a cached entry is there until its time is up, then gone', () => {
    let clock = 1_000;
    const cache = new TtlCache<string, number>(500, () => clock);
    cache.set('AKIAEXAMPLEKEYOFBOB2', 1);
    assert.equal(cache.has('AKIAEXAMPLEKEYOFBOB2'), true);
    assert.equal(cache.has('AKIAOTHERKEYOFBOB222'), false);
    clock = 1_500;
    assert.equal(cache.has('AKIAEXAMPLEKEYOFBOB2'), false);
  });

  it('an integer setting with min above max is a programming error named as bad bounds', () => {
    assert.throws(() => parseBoundedInteger(3, { min: 5, max: 1, default: 3, name: 'x' }), { name: 'RangeError', message: 'Bad bounds for x: min 5, max 1, default 3' });
  });

  it('an integer setting whose min equals its max takes that one value', () => {
    assert.deepEqual(parseBoundedInteger(5, { min: 5, max: 5, default: 5, name: 'x' }), { value: 5 });
  });

  it('a fraction rounded past the bound is told it is out of range, not that it must be whole', () => {
    assert.deepEqual(parseBoundedInteger(1000.6, { min: 1, max: 1000, default: 100, name: 'iamKeys.pageSize' }), {
      value: 1000,
      warning: 'iamKeys.pageSize must be from 1 to 1000; using 1000 instead of 1000.6.',
    });
  });
});
