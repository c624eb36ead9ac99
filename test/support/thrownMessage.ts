import assert from 'node:assert/strict';

/** The message of the Error `fn` throws; fails the test when it throws nothing or a non-Error. */
export function thrownMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof Error);
    return e.message;
  }
  assert.fail('expected an error');
}
