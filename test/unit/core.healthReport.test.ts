// The Key health report's data and exports from hand-built judged keys, and the webview page's
// strict CSP. Expected counts are written by hand.
import assert from 'node:assert/strict';
import { assessListedKeys } from '../../src/core/accountHealth';
import { setDisplayLanguage } from '../../src/core/displayLanguage';
import { buildHealthReport } from '../../src/core/healthReport';
import { healthReportHtml, healthReportMarkdown } from '../../src/core/healthReportExport';
import type { Translate } from '../../src/core/translate';
import type { AccessKey, AccessKeyLastUsed } from '../../src/core/types';
import { healthReportPage, revealUri } from '../../src/features/report/healthReportPage';

const NOW = new Date('2025-01-01T00:00:00Z');
const DAY = 86_400_000;
const at = (days: number): Date => new Date(NOW.getTime() - days * DAY);
const key = (user: string, id: string, ageDays: number, status: AccessKey['Status'] = 'Active'): AccessKey => ({ UserName: user, AccessKeyId: id, Status: status, CreateDate: at(ageDays) });

const keys: AccessKey[] = [
  key('ann', 'AKIAANN0000000000001', 10), // used 1 day ago: fine
  key('bob', 'AKIABOB0000000000002', 200), // used 2 days ago: rotation (IAM.3)
  key('cat', 'AKIACAT0000000000003', 500), // never used: IAM.3, IAM.22, IAM.8
  key('dan', 'AKIADAN0000000000004', 60, 'Inactive'), // inactive
  key('', 'AKIAROOT000000000005', 40), // root, used 50 days ago: IAM.4, IAM.22
];
const lastUsed: Record<string, AccessKeyLastUsed> = {
  AKIAANN0000000000001: { UserName: 'ann', LastUsedDate: at(1), ServiceName: 's3', Region: 'us-east-1' },
  AKIABOB0000000000002: { UserName: 'bob', LastUsedDate: at(2), ServiceName: 's3', Region: 'us-east-1' },
  AKIACAT0000000000003: { UserName: 'cat', ServiceName: 'N/A', Region: 'N/A' },
  AKIAROOT000000000005: { UserName: '', LastUsedDate: at(50), ServiceName: 'sts', Region: 'us-east-1' },
};
const assessed = assessListedKeys(keys, { now: NOW, rotationWarningDays: 90, unusedWarningDays: 45 }, {
  lastUsed: (k) => lastUsed[k.AccessKeyId],
  isRootKey: (k) => k.UserName === '',
});
const data = buildHealthReport([{ profile: 'dev', account: '123456789012', source: 'credential-report', reportGeneratedAt: at(0), keys: assessed }], { now: NOW, worstCount: 3 });

describe('core/healthReport', () => {
  it('counts keys, active keys, users and keys needing attention', () => {
    assert.deepEqual(data.totals, { keys: 5, activeKeys: 4, needingAttention: 3, users: 5 });
  });

  it('counts keys failing each control', () => {
    assert.deepEqual(
      data.controls.map((c) => [c.control, c.keys]),
      [['IAM.4', 1], ['CIS 1.4', 1], ['IAM.3', 2], ['CIS 1.14', 2], ['IAM.22', 2], ['CIS 1.12', 2], ['IAM.8', 1], ['CIS 1.11', 0], ['CIS 1.13', 0]],
    );
    assert.deepEqual(data.rules.find((r) => r.code === 'inactive'), { code: 'inactive', label: 'Inactive', severity: 'info', controls: [], keys: 1 });
  });

  it('makes histograms of active keys by age and by last use', () => {
    assert.deepEqual(data.keyAge.counts, [1, 1, 0, 1, 1, 0]); // 10, 40, 200, 500 days
    assert.deepEqual(data.lastUsed.buckets, ['0–7 days', '8–44 days', '45–89 days', '90–365 days', 'over a year', 'never used', 'unknown']);
    assert.deepEqual(data.lastUsed.counts, [2, 0, 1, 0, 0, 1, 0]);
  });

  it('lists the worst keys first: critical, then most findings, then oldest', () => {
    assert.deepEqual(data.worst.map((w) => [w.userName, w.accessKeyId, w.severity]), [
      ['', 'AKIAROOT000000000005', 'critical'],
      ['cat', 'AKIACAT0000000000003', 'warning'],
      ['bob', 'AKIABOB0000000000002', 'warning'],
    ]);
    assert.deepEqual(data.worst[1]!.findings.map((f) => f.controls.join(' ')), ['IAM.3 CIS 1.14', 'IAM.22 CIS 1.12', 'IAM.8']);
  });

  it('exports Markdown and HTML with the same figures, the HTML without any script', () => {
    const md = healthReportMarkdown(data);
    assert.match(md, /\*\*5\*\* keys \(4 active\) of 5 users · \*\*3\*\* need attention/);
    assert.match(md, /\| IAM\.8 \| Unused 90\+ days \| warning \| 1 \|/);
    // The age table row by row (#27: its rows were dropped by a surviving mutant of the sampled run).
    assert.ok(
      md.includes('## Active keys by age\n\n| Age | Keys |\n|---|---:|\n| 0–30 days | 1 |\n| 31–90 days | 1 |\n| 91–180 days | 0 |\n| 181–365 days | 1 |\n| 1–2 years | 1 |\n| over 2 years | 0 |\n'),
      md,
    );
    assert.match(md, /\| 123456789012 \| cat \| AKIACAT0000000000003 \| Active \| 500 \| Rotation due; Unused; Unused 90\+ days \| IAM\.3, CIS 1\.14, IAM\.22, CIS 1\.12, IAM\.8 \|/);
    const html = healthReportHtml(data);
    assert.match(html, /<td>IAM\.3<\/td><td>Rotation due<\/td><td>warning<\/td><td>2<\/td>/);
    assert.doesNotMatch(html, /<script/i);
  });

  it('counts each key once when two profiles reach one account (by account and key ID); another account\'s keys still count', () => {
    const listedByOther = { profile: 'dev-readonly', account: '123456789012', source: 'loaded' as const, keys: assessed.slice(0, 2) };
    const twice = buildHealthReport(
      [
        { profile: 'dev', account: '123456789012', source: 'loaded', keys: assessed },
        { profile: 'dev-admin', account: '123456789012', source: 'loaded', keys: assessed },
        listedByOther,
        { profile: 'prod', account: '210987654321', source: 'loaded', keys: assessed.slice(0, 1) },
      ],
      { now: NOW, worstCount: 10 },
    );
    assert.deepEqual(twice.totals, { keys: 6, activeKeys: 5, needingAttention: 3, users: 6 });
    assert.deepEqual(twice.worst.map((w) => w.accessKeyId), ['AKIAROOT000000000005', 'AKIACAT0000000000003', 'AKIABOB0000000000002']);
    assert.deepEqual(twice.accounts.map((a) => a.keys), [5, 5, 2, 1]);
  });

  it('the webview page allows only its nonce script and own styles, and links worst keys to Reveal', () => {
    const page = healthReportPage(data, { cspSource: 'https://webview.test', scriptUri: 'https://webview.test/dist/webview.js', styleUri: 'https://webview.test/media/health-report.css' }, 'NONCE123');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page)?.[1];
    assert.equal(csp, "default-src 'none'; style-src https://webview.test; img-src https://webview.test data:; script-src 'nonce-NONCE123'");
    assert.equal((page.match(/<script nonce="NONCE123" src="https:\/\/webview.test\/dist\/webview.js">/g) ?? []).length, 1);
    assert.doesNotMatch(page, /https?:\/\/(?!webview\.test)/, 'nothing from another origin (no CDN)');
    assert.ok(page.includes(`href="${revealUri('AKIACAT0000000000003').replace(/&/g, '&#38;').replace(/"/g, '&#34;')}"`));
    assert.equal(revealUri('AKIACAT0000000000003'), 'command:iamKeys.revealAccessKey?%5B%7B%22accessKeyId%22%3A%22AKIACAT0000000000003%22%7D%5D');
    const json = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(page)?.[1];
    assert.equal(JSON.parse(json ?? 'null').totals.keys, 5);
  });
});

/** A translator that marks what went through it: ⟦text⟧. */
const marked: Translate = (message, ...args) => `⟦${message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]))}⟧`;

/** Plain English words left in `text` once marked (translated) parts and data are taken out. */
function unmarkedEnglish(text: string): string[] {
  let rest = text;
  for (let previous = ''; previous !== rest; ) {
    previous = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  // Data: key IDs, account, profile and user names, status values, control IDs, dates.
  const dataText = /AKIA[A-Z0-9]{16}|\b(?:dev|ann|bob|cat|Active|Inactive|IAM|CIS)\b|\d{4}-\d\d-\d\dT[\d:.]+Z/g;
  return rest.replace(dataText, ' ').match(/[A-Za-z]{2,}/g) ?? [];
}

describe('report page: chart tables and translated text', () => {
  const resources = { cspSource: 'https://webview.test', scriptUri: 'https://webview.test/dist/webview.js', styleUri: 'https://webview.test/media/health-report.css' };

  /** The rows of <table id="…">: [row header, count]. */
  function tableRows(page: string, id: string): Array<[string, number]> {
    const table = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(page)?.[1];
    assert.ok(table, `table #${id}`);
    return [...table.matchAll(/<tr><th scope="row">([^<]*)<\/th><td class="num">(\d+)<\/td><\/tr>/g)].map((m) => [m[1]!, Number(m[2])]);
  }

  it('each chart has a table with its numbers, in a <details> under the canvas', () => {
    const page = healthReportPage(data, resources, 'N');
    for (const [chart, table] of [['controls-chart', 'controls-data'], ['age-chart', 'age-data'], ['last-used-chart', 'last-used-data']]) {
      assert.match(page, new RegExp(`<canvas id="${chart}"[^>]*></canvas><details class="chart-data"><summary>Data table</summary><table id="${table}"><caption>`), `${chart} then its table`);
    }
    assert.deepEqual(tableRows(page, 'controls-data'), [['IAM.4', 1], ['CIS 1.4', 1], ['IAM.3', 2], ['CIS 1.14', 2], ['IAM.22', 2], ['CIS 1.12', 2], ['IAM.8', 1], ['CIS 1.11', 0], ['CIS 1.13', 0]]);
    // Active keys ann 10 days, root 40, bob 200, cat 500 days old.
    assert.deepEqual(tableRows(page, 'age-data'), [['0–30 days', 1], ['31–90 days', 1], ['91–180 days', 0], ['181–365 days', 1], ['1–2 years', 1], ['over 2 years', 0]]);
    // Last used: ann 1 day ago, bob 2, root 50; cat never.
    assert.deepEqual(tableRows(page, 'last-used-data'), [['0–7 days', 2], ['8–44 days', 0], ['45–89 days', 1], ['90–365 days', 0], ['over a year', 0], ['never used', 1], ['unknown', 0]]);
  });

  it('every text the page shows goes through the translation function (data aside)', () => {
    const page = healthReportPage(data, { ...resources, language: 'qps-ploc' }, 'N', marked);
    assert.match(page, /<html lang="qps-ploc">/);
    const text = page
      .replace(/<script[\s\S]*?<\/script>/g, ' ')
      .replace(/<[^>]*\btitle="([^"]*)"[^>]*>/g, ' $1 ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
    assert.deepEqual(unmarkedEnglish(text), [], `untranslated text: ${text.replace(/\s+/g, ' ').slice(0, 600)}`);
  });

  it('the charts\' dataset label (their tooltips) comes translated in the page\'s data', () => {
    const page = healthReportPage(data, resources, 'N', marked);
    const json = JSON.parse(/<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(page)?.[1] ?? 'null') as { countLabel: string; keyAge: { buckets: string[] } };
    assert.equal(json.countLabel, '⟦Keys⟧');
    assert.equal(json.keyAge.buckets[0], '⟦0–30 days⟧');
  });
});

describe('report exports (Markdown, HTML): in the editor\'s language', () => {
  afterEach(() => setDisplayLanguage('en'));

  it('every heading, column and sentence of the Markdown goes through the translation function (data aside)', () => {
    const md = healthReportMarkdown(data, marked);
    const text = md.replace(/\\(.)/g, '$1').replace(/[|#*-]/g, ' ');
    assert.deepEqual(unmarkedEnglish(text), [], `untranslated text: ${md.slice(0, 800)}`);
    assert.match(md, /^# ⟦Key health report⟧$/m);
    assert.match(md, /^\| ⟦Account⟧ \| ⟦User⟧ \| ⟦Access key⟧ \| ⟦Status⟧ \| ⟦Age \(days\)⟧ \| ⟦Findings⟧ \| ⟦Controls⟧ \|$/m);
    assert.match(md, /^\| IAM\.8 \| ⟦Unused 90\+ days⟧ \| ⟦warning⟧ \| 1 \|$/m);
    assert.match(md, /^\| 123456789012 \| ⟦\(root\)⟧ \| AKIAROOT000000000005 \| ⟦Active⟧ \| 40 \|/m);
  });

  it('every text of the HTML export goes through the translation function, with the display language as its lang', () => {
    const page = healthReportHtml(data, marked, 'de');
    assert.match(page, /<html lang="de">/);
    const text = page.replace(/<style>[\s\S]*?<\/style>/, ' ').replace(/<meta[^>]*>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
    assert.deepEqual(unmarkedEnglish(text), [], `untranslated text: ${text.replace(/\s+/g, ' ').slice(0, 600)}`);
  });

  it('numbers and the date follow the display language (Intl), data as it is', () => {
    const big = { ...data, totals: { keys: 12345, activeKeys: 4, users: 5, needingAttention: 3 }, worst: [{ ...data.worst[0]!, ageDays: 1400 }] };
    setDisplayLanguage('de');
    const de = healthReportMarkdown(big);
    assert.match(de, /^Generated 01\.01\.2025, 00:00 UTC\.$/m);
    assert.match(de, /\*\*12\.345\*\* keys/);
    assert.match(de, /\| Active \| 1400 \|/, 'ages without grouping, as the tree says them');
    setDisplayLanguage('en');
    const en = healthReportMarkdown(big);
    assert.match(en, /^Generated 01\/01\/2025, 00:00 UTC\.$/m);
    assert.match(en, /\*\*12,345\*\* keys/);
    assert.match(en, /\| Active \| 1400 \|/);
  });
});
