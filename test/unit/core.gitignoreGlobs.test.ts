import * as assert from 'assert/strict';
import { gitignoreGlobs } from '../../src/core/gitignoreGlobs';

describe('gitignoreGlobs: .gitignore lines as exclude globs', () => {
  it('a bare name matches anywhere, and everything under it', () => {
    assert.deepEqual(gitignoreGlobs('node_modules\n*.log\n'), ['**/node_modules', '**/node_modules/**', '**/*.log', '**/*.log/**']);
  });
  it('a trailing slash is a directory; a leading or inner slash anchors to the folder', () => {
    assert.deepEqual(gitignoreGlobs('build/\n/out\ndocs/generated\n'), ['**/build', '**/build/**', 'out', 'out/**', 'docs/generated', 'docs/generated/**']);
  });
  it('comments, blank lines and negations are left out; CRLF is fine', () => {
    assert.deepEqual(gitignoreGlobs('# comment\r\n\r\n!keep.log\r\n  dist  \r\n'), ['**/dist', '**/dist/**']);
  });
});
