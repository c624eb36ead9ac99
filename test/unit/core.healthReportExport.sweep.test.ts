// The Key health report's Markdown and HTML exports, whole documents compared with text written
// by hand: every heading, table row, escape and fallback the reader gets (issue #27's sweep of
// healthReportExport.ts). The data is built by hand so each odd case is there once.
import assert from 'node:assert/strict';
import { setDisplayLanguage } from '../../src/core/displayLanguage';
import type { HealthReportData } from '../../src/core/healthReport';
import { healthReportHtml, healthReportMarkdown, reportDate, statusText } from '../../src/core/healthReportExport';
import type { Translate } from '../../src/core/translate';

const data: HealthReportData = {
  generatedAt: '2025-01-01T00:00:00Z',
  accounts: [
    { profile: 'a|b', account: '111122223333', source: 'credential-report', reportGeneratedAt: '2024-12-31T08:30:00Z', note: 'line1\nline2\r\nline3 *x*', keys: 2 },
    { profile: 'p', account: '444455556666', source: 'credential-report', keys: 0 },
  ],
  totals: { keys: 1234, activeKeys: 2, needingAttention: 1, users: 2 },
  controls: [{ control: 'IAM.3', rules: ['rotation-due', 'no-such-rule'], severity: 'warning', keys: 1 }],
  rules: [],
  // One count short: the missing count reads 0, not NaN.
  keyAge: { buckets: ['0–30 days', 'over 2 years'], counts: [2] },
  lastUsed: { buckets: ['never used', 'unknown'], counts: [3] },
  worst: [
    {
      profile: 'a|b',
      account: '111122223333',
      userName: '',
      accessKeyId: '',
      status: 'Active',
      severity: 'critical',
      ageDays: 1400,
      findings: [
        { label: 'Root key', message: 'm', controls: ['IAM.4', 'CIS 1.4'] },
        { label: 'Rotation due', message: 'm', controls: ['IAM.3', 'CIS 1.4'] },
      ],
    },
    { profile: 'a|b', account: '111122223333', userName: 'bob_<x>&', accessKeyId: '', status: 'Expired', severity: 'warning', ageDays: 5, findings: [] },
    { profile: 'a|b', account: '111122223333', userName: 'cat', accessKeyId: 'AKIACAT0000000000003', status: 'Inactive', severity: 'warning', ageDays: 7, findings: [{ label: 'Unused', message: 'm', controls: [] }] },
  ],
};

/** A translator that marks what went through it: ⟦text⟧. */
const marked: Translate = (message, ...args) => `⟦${message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]))}⟧`;

describe('core/healthReportExport sweep (#27)', () => {
  before(() => setDisplayLanguage('en'));

  it('writes the whole Markdown report: account lines with escapes and notes on one line, every table, missing counts as 0', () => {
    assert.equal(
      healthReportMarkdown(data),
      [
        '# Key health report',
        '',
        'Generated 01/01/2025, 00:00 UTC.',
        '',
        '- a\\|b (111122223333): 2 keys, credential report of 12/31/2024, 08:30 UTC — line1 line2 line3 \\*x\\*',
        '- p (444455556666): 0 keys, credential report of ?',
        '',
        '**1,234** keys (2 active) of 2 users · **1** need attention',
        '',
        '## Controls',
        '',
        '| Control | Rules | Severity | Keys failing |',
        '|---|---|---|---:|',
        '| IAM.3 | Rotation due, no-such-rule | warning | 1 |',
        '',
        '## Active keys by age',
        '',
        '| Age | Keys |',
        '|---|---:|',
        '| 0–30 days | 2 |',
        '| over 2 years | 0 |',
        '',
        '## Active keys by last use',
        '',
        '| Last used | Keys |',
        '|---|---:|',
        '| never used | 3 |',
        '| unknown | 0 |',
        '',
        '## Worst keys',
        '',
        '| Account | User | Access key | Status | Age (days) | Findings | Controls |',
        '|---|---|---|---|---:|---|---|',
        '| 111122223333 | (root) | root account key | Active | 1400 | Root key; Rotation due | IAM.4, CIS 1.4, IAM.3 |',
        '| 111122223333 | bob\\_\\<x\\>& | key listed in the credential report | Expired | 5 |  |  |',
        '| 111122223333 | cat | AKIACAT0000000000003 | Inactive | 7 | Unused |  |',
        '',
      ].join('\n'),
    );
  });

  it('escapes every Markdown character that would break a table cell', () => {
    const md = healthReportMarkdown({ ...data, accounts: [{ profile: 'x|y\\z`w*v_u[t]s<r>q', account: '1', source: 'loaded', keys: 0 }] });
    assert.ok(md.includes('\n- x\\|y\\\\z\\`w\\*v\\_u\\[t\\]s\\<r\\>q (1): 0 keys, keys loaded in the explorer\n'), md);
  });

  it('writes the whole HTML report: strict CSP, escaped data, every table, lang "en" by default', () => {
    assert.equal(
      healthReportHtml(data),
      [
        '<!DOCTYPE html>',
        '<html lang="en"><head><meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
        '<title>Key health report</title>',
        '<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #8886;padding:.3em .6em;text-align:left}</style>',
        '</head><body>',
        '<h1>Key health report</h1>',
        '<p>Generated 01/01/2025, 00:00 UTC. 1,234 keys (2 active) of 2 users · 1 need attention</p>',
        '<h2>Controls</h2>',
        '<table><thead><tr><th>Control</th><th>Rules</th><th>Severity</th><th>Keys failing</th></tr></thead><tbody>',
        '<tr><td>IAM.3</td><td>Rotation due, no-such-rule</td><td>warning</td><td>1</td></tr>',
        '</tbody></table>',
        '<h2>Active keys by age</h2>',
        '<table><thead><tr><th>Age</th><th>Keys</th></tr></thead><tbody>',
        '<tr><td>0–30 days</td><td>2</td></tr>',
        '<tr><td>over 2 years</td><td>0</td></tr>',
        '</tbody></table>',
        '<h2>Active keys by last use</h2>',
        '<table><thead><tr><th>Last used</th><th>Keys</th></tr></thead><tbody>',
        '<tr><td>never used</td><td>3</td></tr>',
        '<tr><td>unknown</td><td>0</td></tr>',
        '</tbody></table>',
        '<h2>Worst keys</h2>',
        '<table><thead><tr><th>Account</th><th>User</th><th>Access key</th><th>Status</th><th>Age (days)</th><th>Findings</th><th>Controls</th></tr></thead><tbody>',
        '<tr><td>111122223333</td><td>(root)</td><td>root account key</td><td>Active</td><td>1400</td><td>Root key; Rotation due</td><td>IAM.4, CIS 1.4, IAM.3</td></tr>',
        '<tr><td>111122223333</td><td>bob_&#60;x&#62;&#38;</td><td>key listed in the credential report</td><td>Expired</td><td>5</td><td></td><td></td></tr>',
        '<tr><td>111122223333</td><td>cat</td><td>AKIACAT0000000000003</td><td>Inactive</td><td>7</td><td>Unused</td><td></td></tr>',
        '</tbody></table>',
        '</body></html>',
        '',
      ].join('\n'),
    );
  });

  it('escapes quotes in HTML and leaves an empty table body empty', () => {
    const html = healthReportHtml({ ...data, controls: [], worst: [{ ...data.worst[2]!, userName: `o'"` }] }, undefined, 'de"x');
    assert.ok(html.includes('<html lang="de&#34;x">'), html);
    assert.ok(html.includes('<tr><td>111122223333</td><td>o&#39;&#34;</td>'), html);
    assert.ok(html.includes('<h2>Controls</h2>\n<table><thead><tr><th>Control</th><th>Rules</th><th>Severity</th><th>Keys failing</th></tr></thead><tbody>\n\n</tbody></table>\n'), html);
  });

  it('translates IAM\'s status words and the finding labels, keeps an unknown status as it is', () => {
    assert.equal(statusText('Active', marked), '⟦Active⟧');
    assert.equal(statusText('Inactive', marked), '⟦Inactive⟧');
    assert.equal(statusText('Expired', marked), 'Expired');
    const md = healthReportMarkdown(data, marked);
    assert.match(md, /^\| 111122223333 \| ⟦\(root\)⟧ \| ⟦root account key⟧ \| ⟦Active⟧ \| 1400 \| ⟦Root key⟧; ⟦Rotation due⟧ \| IAM\.4, CIS 1\.4, IAM\.3 \|$/m);
    assert.match(md, /^\| 111122223333 \| cat \| AKIACAT0000000000003 \| ⟦Inactive⟧ \| 7 \| ⟦Unused⟧ \|  \|$/m);
    assert.ok(md.includes('\n- ⟦a\\|b (111122223333): 2 keys, ⟦credential report of 12/31/2024, 08:30 UTC⟧⟧ — line1 line2 line3 \\*x\\*\n'), md);
    assert.ok(md.includes('\n| IAM.3 | ⟦Rotation due⟧, ⟦no-such-rule⟧ | ⟦warning⟧ | 1 |\n'), md);
  });

  it('keeps a date it cannot read as it is', () => {
    assert.equal(reportDate('not a date'), 'not a date');
    assert.match(healthReportMarkdown({ ...data, generatedAt: 'soon' }), /^Generated soon\.$/m);
  });
});
