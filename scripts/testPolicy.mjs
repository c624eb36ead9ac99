// What makes a test run count, for scripts/test-all.mjs (pure functions, unit-tested in
// test/unit/testPolicy.test.mjs):
//  - In CI the variables that cut a run (fewer layers or fewer tests) are refused: a CI run
//    that runs less than everything must not end green.
//  - Each layer must run at least as many tests as its floor in test/floors.json, so tests
//    that silently stop loading (a renamed glob, a skipped suite, a hook that bails) fail the
//    run. Raise a floor when tests are added; lower it only in the commit that removes tests.

/** Variables that cut a run; each is refused when CI is set. */
export const CUTTING_VARIABLES = ['IAMKEYS_ONLY', 'IAMKEYS_SKIP_UI', 'IAMKEYS_SKIP_FLOOR', 'IAMKEYS_GREP'];

/** CI as CI services set it: any value but empty, "0" or "false". */
export function isCi(env) {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/** Messages for each cutting variable set in a CI run; empty when the run may go ahead. */
export function refusedInCi(env) {
  if (!isCi(env)) return [];
  return CUTTING_VARIABLES.filter((name) => (env[name] ?? '') !== '').map(
    (name) => `${name}=${env[name]} is refused when CI is set (CI=${env.CI}): CI runs every layer and every test`,
  );
}

/** Tests a layer ran: passed + failed (skipped tests did not run). */
export function ranCount(counts) {
  return (counts.passed ?? 0) + (counts.failed ?? 0);
}

/**
 * Why a layer's counts are below its floor, or undefined when they are not (or when the run
 * was cut by a grep, where fewer tests are the point). A layer without a floor is an error:
 * every layer has one.
 */
export function floorShortfall(layer, counts, floors, { grep = '' } = {}) {
  if (grep) return undefined;
  const floor = floors[layer];
  if (!Number.isInteger(floor) || floor < 0) return `no floor for layer "${layer}" in test/floors.json`;
  const ran = ranCount(counts);
  if (ran >= floor) return undefined;
  return `ran ${ran} test(s), fewer than its floor of ${floor} (test/floors.json): tests stopped loading or were skipped`;
}

/** Reads test/floors.json: { "<layer>": <minimum tests run>, ... }. */
export function parseFloors(text) {
  const parsed = JSON.parse(text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('test/floors.json must be an object of layer → number');
  const floors = {};
  for (const [layer, value] of Object.entries(parsed)) {
    if (layer.startsWith('$')) continue; // "$comment"
    if (!Number.isInteger(value) || value < 0) throw new Error(`test/floors.json: "${layer}" must be a whole number ≥ 0 (got ${JSON.stringify(value)})`);
    floors[layer] = value;
  }
  return floors;
}
