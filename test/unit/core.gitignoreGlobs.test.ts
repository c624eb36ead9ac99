import * as assert from 'assert/strict';
import { gitignoreGlobs } from '../../src/core/gitignoreGlobs';

describe('gitignoreGlobs: the plainly ignored, as exclude globs for findFiles', () => {
  it('a bare name matches anywhere, and everything under it', () => {
    assert.deepEqual(gitignoreGlobs('node_modules\n*.log\n'), ['**/node_modules', '**/node_modules/**', '**/*.log', '**/*.log/**']);
  });
  it('a trailing slash is only a directory; a leading or inner slash anchors to the folder', () => {
    assert.deepEqual(gitignoreGlobs('build/\n/out\ndocs/generated\n'), ['**/build/**', 'out', 'out/**', 'docs/generated', 'docs/generated/**']);
  });
  it('a file with a negation gives no globs (what it re-includes is decided exactly later); comments, blanks, CRLF', () => {
    assert.deepEqual(gitignoreGlobs('# comment\r\n\r\n*.log\r\n!keep.log\r\n  dist  \r\n'), []);
    assert.deepEqual(gitignoreGlobs('# comment\r\n\r\n  dist  \r\n'), ['**/dist', '**/dist/**']);
  });
  it('lines with escapes or glob braces are left to the exact check', () => {
    assert.deepEqual(gitignoreGlobs('\\#notes\n{a,b}\nx\n'), ['**/x', '**/x/**']);
  });
});
