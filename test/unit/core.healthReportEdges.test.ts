// The Key health report where accounts overlap or lack names: which copy of a key counts, keys
// without an ID, the account line's fallbacks, and the exports' table headers and row breaks.
// Pins mutants the sampled Stryker run (#27) let through; expected values are written by hand.
import assert from 'node:assert/strict';
import { assessListedKeys } from '../../src/core/accountHealth';
import { setDisplayLanguage } from '../../src/core/displayLanguage';
import { buildHealthReport } from '../../src/core/healthReport';
import { healthReportHtml, healthReportMarkdown } from '../../src/core/healthReportExport';
import type { AccessKey } from '../../src/core/types';

const NOW = new Date('2025-01-01T00:00:00Z');
const DAY = 86_400_000;
const key = (user: string, id: string, ageDays: number): AccessKey => ({ UserName: user, AccessKeyId: id, Status: 'Active', CreateDate: new Date(NOW.getTime() - ageDays * DAY) });
const assess = (keys: AccessKey[]) =>
  assessListedKeys(keys, { now: NOW, rotationWarningDays: 90, unusedWarningDays: 45 }, {
    lastUsed: (k) => ({ UserName: k.UserName, LastUsedDate: new Date(NOW.getTime() - DAY), ServiceName: 's3', Region: 'us-east-1' }),
    isRootKey: () => false,
  });

describe('core/healthReport edges', () => {
  before(() => setDisplayLanguage('en'));

  it('counts a key two profiles loaded once, under the profile that loaded it first', () => {
    const shared = key('ann', 'AKIASHARED0000000001', 200);
    const data = buildHealthReport(
      [
        { profile: 'first', account: '111122223333', source: 'loaded', keys: assess([shared]) },
        { profile: 'second', account: '111122223333', source: 'loaded', keys: assess([shared]) },
      ],
      { now: NOW },
    );
    assert.equal(data.totals.keys, 1);
    assert.deepEqual(data.worst.map((w) => [w.profile, w.accessKeyId]), [['first', 'AKIASHARED0000000001']]);
  });

  it('keeps apart keys of different users when neither has an ID', () => {
    const data = buildHealthReport([{ profile: 'p', account: '111122223333', source: 'loaded', keys: assess([key('ann', '', 10), key('bob', '', 10)]) }], { now: NOW });
    assert.deepEqual(data.totals, { keys: 2, activeKeys: 2, needingAttention: 0, users: 2 });
  });

  it('counts each user\'s report slots once each, though two profiles read the same report', () => {
    const slots = assess([key('ann', '', 10), key('ann', '', 20), key('bob', '', 30)]).map((k, i) => ({ ...k, slot: i === 1 ? (2 as const) : (1 as const) }));
    const data = buildHealthReport(
      [
        { profile: 'first', account: '111122223333', source: 'credential-report', keys: slots },
        { profile: 'second', account: '111122223333', source: 'credential-report', keys: slots },
      ],
      { now: NOW },
    );
    assert.deepEqual(data.totals, { keys: 3, activeKeys: 3, needingAttention: 0, users: 2 });
  });

  it('keeps the time a credential report was generated, and says it in the export', () => {
    const data = buildHealthReport([{ profile: 'p', account: '111122223333', source: 'credential-report', reportGeneratedAt: new Date('2024-12-31T08:30:00Z'), keys: [] }], { now: NOW });
    assert.equal(data.accounts[0]!.reportGeneratedAt, '2024-12-31T08:30:00Z');
    assert.match(healthReportMarkdown(data), /^- p \(111122223333\): 0 keys, credential report of 12\/31\/2024, 08:30 UTC$/m);
  });

  it('names each account by its profile and ID, "default" and "?" when they are empty', () => {
    const data = buildHealthReport(
      [
        { profile: 'work', account: '111122223333', source: 'loaded', keys: assess([key('ann', 'AKIAWORK000000000001', 10)]) },
        { profile: '', account: '', source: 'loaded', keys: [] },
      ],
      { now: NOW },
    );
    const md = healthReportMarkdown(data);
    assert.match(md, /^- work \(111122223333\): 1 keys, keys loaded in the explorer$/m);
    assert.match(md, /^- default \(\?\): 0 keys, keys loaded in the explorer$/m);
  });

  it('heads the controls table in Markdown, and the worst-keys table in HTML with one line per row', () => {
    const data = buildHealthReport([{ profile: 'p', account: '111122223333', source: 'loaded', keys: assess([key('ann', 'AKIAANN0000000000001', 200), key('bob', 'AKIABOB0000000000002', 300)]) }], { now: NOW });
    assert.ok(healthReportMarkdown(data).includes('## Controls\n\n| Control | Rules | Severity | Keys failing |\n|---|---|---|---:|\n'));
    const html = healthReportHtml(data);
    assert.ok(
      html.includes(
        '<table><thead><tr><th>Account</th><th>User</th><th>Access key</th><th>Status</th><th>Age (days)</th><th>Findings</th><th>Controls</th></tr></thead><tbody>\n' +
          '<tr><td>111122223333</td><td>bob</td><td>AKIABOB0000000000002</td><td>Active</td><td>300</td><td>Rotation due</td><td>IAM.3, CIS 1.14</td></tr>\n' +
          '<tr><td>111122223333</td><td>ann</td><td>AKIAANN0000000000001</td><td>Active</td><td>200</td><td>Rotation due</td><td>IAM.3, CIS 1.14</td></tr>\n' +
          '</tbody></table>',
      ),
      html,
    );
  });
});
