// gitignoreGlobs on the lines whose slashes are all there is or come doubled: the globs must be
// the same as for the tidy spelling, and a line of slashes alone gives none.
import * as assert from 'assert/strict';
import { gitignoreGlobs } from '../../src/core/gitignoreGlobs';

describe('gitignoreGlobs: doubled and lone slashes', () => {
  it('several trailing slashes are one directory-only mark', () => {
    assert.deepEqual(gitignoreGlobs('build//\n'), ['**/build/**']);
  });

  it('several leading slashes anchor to the folder root like one', () => {
    assert.deepEqual(gitignoreGlobs('//out\n'), ['out', 'out/**']);
  });

  it('a line of slashes only names nothing and gives no glob', () => {
    assert.deepEqual(gitignoreGlobs('/\n//\nx\n'), ['**/x', '**/x/**']);
  });
});
