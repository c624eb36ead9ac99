// A key row's text (#25 item 9): the health first and the ID's end in the label, which is what
// a default-width sidebar keeps and the tree's type-to-filter matches.
import * as assert from 'assert/strict';
import { keyRowText } from '../../src/explorer/nodes/keyRowText';

const ID = 'AKIAIOSFODNN7EXAMPLE';

describe('key row text', () => {
  it('a key with findings: the first finding and the ID\'s last 4 characters, then the rest', () => {
    assert.deepEqual(keyRowText(ID, 'Active', ['Rotation due', 'Unused 90+ days'], '1,400d'), {
      label: 'Rotation due · …MPLE',
      description: 'Unused 90+ days · Active · 1,400d',
    });
  });

  it('a key without findings: its status and the ID\'s end; the age alone in the description', () => {
    assert.deepEqual(keyRowText(ID, 'Inactive', [], '3d'), { label: 'Inactive · …MPLE', description: '3d' });
  });

  it('the label never holds the full ID (the tooltip and the accessible name do)', () => {
    assert.ok(!keyRowText(ID, 'Active', [], 'today').label.includes(ID.slice(0, 5)));
  });
});
