import assert from 'node:assert/strict';
import type { ValidationResult } from '../../src/core/validation';

/** The reason of a refused ValidationResult; fails the test when it was accepted. */
export function refusalReason(r: ValidationResult): string {
  assert.equal(r.ok, false, `expected a failure, got ${JSON.stringify(r)}`);
  return (r as { reason: string }).reason;
}
