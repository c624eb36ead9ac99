// What a tree row names of a key's findings: no "Inactive"/"Expired" (the row's status says it),
// and "Unused" dropped when "Unused 90+ days" is there; everything else kept, in order.
import assert from 'node:assert/strict';
import type { KeyFinding, KeyFindingCode } from '../../src/core/keyHealth';
import { rowFindingCodes } from '../../src/core/rowFindings';

function findings(...codes: KeyFindingCode[]): KeyFinding[] {
  return codes.map((code) => ({ code, severity: 'warning', label: code, controls: [], message: code, template: code, args: [] }));
}

describe('rowFindingCodes (sweep)', () => {
  it('keeps an active key\'s findings in order', () => {
    assert.deepEqual(rowFindingCodes(findings('root-key', 'rotation-due', 'unused', 'two-active')), ['root-key', 'rotation-due', 'unused', 'two-active']);
    assert.deepEqual(rowFindingCodes(findings()), []);
  });

  it('leaves out the status findings: inactive and expired', () => {
    assert.deepEqual(rowFindingCodes(findings('root-key', 'inactive')), ['root-key']);
    assert.deepEqual(rowFindingCodes(findings('expired')), []);
    assert.deepEqual(rowFindingCodes(findings('inactive', 'expired', 'setup-key-unused')), ['setup-key-unused']);
  });

  it('says "Unused 90+ days" instead of also "Unused"', () => {
    assert.deepEqual(rowFindingCodes(findings('rotation-due', 'unused', 'unused-90', 'two-active')), ['rotation-due', 'unused-90', 'two-active']);
  });
});
