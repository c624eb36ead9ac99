// The run policy of scripts/test-all.mjs: cutting variables refused in CI, floors per layer.
import assert from 'node:assert/strict';
import { floorShortfall, isCi, parseFloors, ranCount, refusedInCi } from '../../scripts/testPolicy.mjs';

describe('test policy: variables that cut a run', () => {
  it('refuses IAMKEYS_ONLY, IAMKEYS_SKIP_UI and IAMKEYS_GREP when CI=true, naming each', () => {
    const refused = refusedInCi({ CI: 'true', IAMKEYS_ONLY: 'unit', IAMKEYS_SKIP_UI: '1', IAMKEYS_GREP: 'hover' });
    assert.equal(refused.length, 3);
    assert.match(refused[0], /^IAMKEYS_ONLY=unit is refused when CI is set/);
    assert.match(refused[1], /^IAMKEYS_SKIP_UI=1 is refused/);
    assert.match(refused[2], /^IAMKEYS_GREP=hover is refused/);
  });

  it('lets a CI run without them go ahead, and an empty value is not set', () => {
    assert.deepEqual(refusedInCi({ CI: 'true' }), []);
    assert.deepEqual(refusedInCi({ CI: 'true', IAMKEYS_GREP: '' }), []);
  });

  it('allows every variable outside CI (CI unset, empty, 0 or false)', () => {
    const cut = { IAMKEYS_ONLY: 'integration', IAMKEYS_SKIP_UI: '1', IAMKEYS_GREP: 'x' };
    for (const ci of [undefined, '', '0', 'false', 'FALSE']) assert.deepEqual(refusedInCi({ ...cut, CI: ci }), [], `CI=${ci}`);
  });

  it('treats other CI values (1, yes, True) as CI', () => {
    for (const ci of ['1', 'yes', 'True', 'true']) assert.equal(isCi({ CI: ci }), true, ci);
    assert.equal(refusedInCi({ CI: '1', IAMKEYS_SKIP_UI: '1' }).length, 1);
  });
});

describe('test policy: floors', () => {
  const floors = { unit: 300, ui: 6 };

  it('counts passed and failed tests as run, not skipped ones', () => {
    assert.equal(ranCount({ passed: 5, failed: 2, pending: 9 }), 7);
    assert.equal(ranCount({}), 0);
  });

  it('passes a layer at or above its floor', () => {
    assert.equal(floorShortfall('unit', { passed: 300, failed: 0, pending: 0 }, floors), undefined);
    assert.equal(floorShortfall('unit', { passed: 299, failed: 1, pending: 0 }, floors), undefined);
    assert.equal(floorShortfall('ui', { passed: 7, failed: 0, pending: 0 }, floors), undefined);
  });

  it('fails a layer below its floor, saying how many ran and the floor', () => {
    const why = floorShortfall('unit', { passed: 250, failed: 0, pending: 50 }, floors);
    assert.match(why ?? '', /ran 250 test\(s\), fewer than its floor of 300/);
    assert.match(floorShortfall('ui', { passed: 0, failed: 0, pending: 0 }, floors) ?? '', /floor of 6/);
  });

  it('fails a layer that has no floor', () => {
    assert.match(floorShortfall('conformance', { passed: 20, failed: 0, pending: 0 }, floors) ?? '', /no floor for layer "conformance"/);
  });

  it('does not check floors when IAMKEYS_GREP cut the run on purpose', () => {
    assert.equal(floorShortfall('unit', { passed: 3, failed: 0, pending: 0 }, floors, { grep: 'redact' }), undefined);
  });

  it('parses floors.json, ignoring "$comment", and rejects values that are not whole numbers', () => {
    assert.deepEqual(parseFloors('{"$comment":"why","unit":313,"ui":6}'), { unit: 313, ui: 6 });
    assert.throws(() => parseFloors('{"unit":"313"}'), /"unit" must be a whole number/);
    assert.throws(() => parseFloors('{"unit":-1}'), /"unit" must be a whole number/);
    assert.throws(() => parseFloors('[1]'), /must be an object/);
  });

  it('the repository\'s floors.json has a floor for every layer of npm test', async () => {
    const fs = await import('node:fs');
    const text = fs.readFileSync(new URL('../floors.json', import.meta.url), 'utf8');
    const repoFloors = parseFloors(text);
    for (const layer of ['unit', 'conformance', 'integration', 'ui']) assert.ok(repoFloors[layer] > 0, `floor for ${layer}`);
  });
});
