// What the hover says about an ID (its kind's label, temporary or long-term), the documentation's
// example keys, and a cursor position that is not text. Issue #27: the whole-file Stryker sweep
// of src/core/accessKeyIds.ts left these unchecked.
import assert from 'node:assert/strict';
import { accessKeyIdKind, describeIdKind, idAt, isDocumentationExampleKey } from '../../src/core/accessKeyIds';

describe('core/accessKeyIds (sweep)', () => {
  it('labels every kind of ID in the IAM documentation’s words', () => {
    assert.equal(describeIdKind('temporary-access-key'), 'Temporary access key (AWS STS)');
    assert.equal(describeIdKind('user'), 'IAM user');
    assert.equal(describeIdKind('instance-profile'), 'Amazon EC2 instance profile');
    assert.equal(describeIdKind('managed-policy'), 'Managed policy');
    assert.equal(describeIdKind('managed-policy-version'), 'Version in a managed policy');
    assert.equal(describeIdKind('context-specific-credential'), 'Context-specific credential');
    assert.equal(describeIdKind('action-group'), 'Action group');
  });

  it('tells a temporary (ASIA) key from a long-term one', () => {
    assert.equal(accessKeyIdKind('ASIAIOSFODNN7EXAMPLE'), 'temporary-access-key');
    assert.equal(accessKeyIdKind('AKIAIOSFODNN7EXAMPLE'), 'access-key');
    // only the first four characters decide
    assert.equal(accessKeyIdKind('AKIAASIA0000EXAMPLE1'), 'access-key');
    assert.equal(accessKeyIdKind('ASIA'), 'temporary-access-key');
  });

  it('knows the documentation’s example keys only as whole IDs of at least eleven characters', () => {
    assert.equal(isDocumentationExampleKey('AKIAIOSFODNN7EXAMPLE'), true);
    assert.equal(isDocumentationExampleKey('AKIAEXAMPLE'), true);
    assert.equal(isDocumentationExampleKey('xAKIAIOSFODNN7EXAMPLE'), false);
    assert.equal(isDocumentationExampleKey('my AKIAIOSFODNN7EXAMPLE'), false);
    assert.equal(isDocumentationExampleKey('AKIEXAMPLE'), false);
  });

  it('finds the ID under a cursor at the very start of the line', () => {
    assert.deepEqual(idAt('AKIAIOSFODNN7EXAMPLE is the key', 0), {
      id: 'AKIAIOSFODNN7EXAMPLE',
      start: 0,
      end: 20,
      prefix: 'AKIA',
      kind: 'access-key',
    });
  });

  it('finds no ID under a cursor in a line that is not text', () => {
    assert.equal(idAt(42 as unknown as string, 0), undefined);
  });
});
