// The JSON each scan command answers per finding (scanWorkspace, scanStaged, scanGitHistory):
// field names and their order as the commands answered before they shared one graded shape
// (hand-written from that code), and the optional fields left out when unknown.
import * as assert from 'assert/strict';
import type { KeyInfo } from '../../src/aws/keyInfo';
import { scanForLeaks } from '../../src/core/leakScanner';
import { historyFinding, scanFinding, stagedFinding, type Judged } from '../../src/features/diagnostics/gradedFinding';
import { accessKeyVerdict, secretVerdict } from '../../src/features/diagnostics/leakVerdict';
import { makeSecretAccessKey } from '../emulator/keyIds';
import { SeededRandom } from '../emulator/random';

const NOW = new Date('2026-06-10T12:00:00Z');
const ID = 'AKIAQWERTYUIOPASDFGH';
const SECRET = makeSecretAccessKey(new SeededRandom(31));
const ACTIVE: KeyInfo = {
  kind: 'found', accessKeyId: ID, account: '123456789012', profile: 'dev', userName: 'alice', root: false,
  key: { UserName: 'alice', AccessKeyId: ID, Status: 'Active', CreateDate: new Date('2026-01-01T00:00:00Z') },
};

/**
 * The findings, scanned inside each test, not at load: a scan at load makes every leak-scanner
 * mutant "static" for Stryker, which then runs the whole unit suite for each (docs/testing.md).
 */
function scanned() {
  const [idFinding, pairedSecret] = scanForLeaks(`# dev\n  aws_access_key_id = ${ID}\naws_secret_access_key = ${SECRET}\n`);
  const keyJudged: Judged = { finding: idFinding!, verdict: accessKeyVerdict(ID, ACTIVE, NOW) };
  const lone = scanForLeaks(`aws_secret_access_key = ${SECRET}\n`)[0]!;
  const loneJudged: Judged = { finding: lone, verdict: secretVerdict(lone.name) };
  return { idFinding: idFinding!, pairedSecret: pairedSecret, keyJudged, loneJudged };
}

const GRADED = ['kind', 'severity', 'message', 'accessKeyId', 'account', 'userName', 'status'];

describe('gradedFinding: what each scan command answers per finding', () => {
  it('scanWorkspace: uri, 1-based line and column, then the grade', () => {
    const { keyJudged } = scanned();
    const f = scanFinding('file:///w/dev.env', keyJudged);
    assert.deepEqual(Object.keys(f), ['uri', 'line', 'column', ...GRADED]);
    assert.deepEqual([f.line, f.column, f.kind, f.severity, f.accessKeyId, f.account, f.userName, f.status], [2, 23, 'access-key-id', 'error', ID, '123456789012', 'alice', 'Active']);
  });

  it('scanStaged: path, line and column as given, then the grade', () => {
    const { keyJudged } = scanned();
    const f = stagedFinding({ path: 'config/dev.env', line: 7, column: 3 }, keyJudged);
    assert.deepEqual(Object.keys(f), ['path', 'line', 'column', ...GRADED]);
    assert.deepEqual([f.path, f.line, f.column], ['config/dev.env', 7, 3]);
  });

  it('scanGitHistory: the commit, no column, severity and stillInHead after the owner, message last', () => {
    const { idFinding, keyJudged } = scanned();
    const leak = { commit: { commit: 'c0ffee', author: 'Test Author', date: '2026-01-02T03:04:05Z' }, path: 'config/dev.env', line: 2, column: 23, finding: idFinding };
    const f = historyFinding(leak, keyJudged, true);
    assert.deepEqual(Object.keys(f), ['commit', 'author', 'date', 'path', 'line', 'kind', 'accessKeyId', 'account', 'userName', 'status', 'severity', 'stillInHead', 'message']);
    assert.deepEqual([f.commit, f.author, f.date, f.stillInHead], ['c0ffee', 'Test Author', '2026-01-02T03:04:05Z', true]);
  });

  it('a paired secret carries the key ID it goes with; a lone one only kind, severity and message', () => {
    const { pairedSecret, keyJudged, loneJudged } = scanned();
    const paired = scanFinding('file:///w/dev.env', { finding: pairedSecret, verdict: secretVerdict(pairedSecret.name, undefined, { accessKeyId: ID, verdict: keyJudged.verdict }) });
    assert.deepEqual([paired.kind, paired.accessKeyId, paired.status], ['secret-access-key', ID, 'Active']);
    assert.ok(!paired.message.includes(SECRET));
    assert.deepEqual(Object.keys(scanFinding('file:///w/a', loneJudged)), ['uri', 'line', 'column', 'kind', 'severity', 'message']);
    assert.deepEqual(Object.keys(stagedFinding({ path: 'a', line: 1, column: 1 }, loneJudged)), ['path', 'line', 'column', 'kind', 'severity', 'message']);
  });
});
