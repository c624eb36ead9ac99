// Canary tokens: key IDs of a known canary-token provider's accounts are named as such from the
// ID alone, and the shared lookup never asks anything about them (asking is a use that alerts
// their owner). The IDs here are built by an encoder written for the test from the published
// format (base32 of (1 << 47 | account << 7) << 2), and one is the canarytokens.org key in
// trufflehog's documented output (AKIAQYLPMN5HHHFPZAM2, account 052310077262).
import * as assert from 'assert/strict';
import { canaryToken } from '../../src/core/canaryAccounts';
import { accessKeyVerdict, secretVerdict } from '../../src/features/diagnostics/leakVerdict';
import { keyInfoMarkdown } from '../../src/features/hover/hoverText';
import { KeyLookup, type KeyLookupSources } from '../../src/features/hover/keyLookup';
import { keyIdOfAccount } from '../support/keyIdOfAccount';

const THINKST_DOCUMENTED = 'AKIAQYLPMN5HHHFPZAM2';
const LOOK_ALIKE = keyIdOfAccount('044858866125');
const ORDINARY = keyIdOfAccount('123456789012');
const NOW = new Date('2026-06-10T12:00:00Z');

describe('canary tokens: named, never looked up', () => {
  it('recognises the accounts of canarytokens.org and of its look-alikes from the key ID alone', () => {
    assert.deepEqual(canaryToken(THINKST_DOCUMENTED), { account: '052310077262', provider: 'canarytokens.org' });
    assert.deepEqual(canaryToken(keyIdOfAccount('992382622183')), { account: '992382622183', provider: 'canarytokens.org' });
    assert.deepEqual(canaryToken(LOOK_ALIKE), { account: '044858866125', provider: 'canarytokens.org look-alike' });
    assert.equal(canaryToken(ORDINARY), undefined);
    assert.equal(canaryToken('AKIAIOSFODNN7EXAMPLE'), undefined); // old format: no account in the ID
  });

  it('the lookup answers a canary token without asking the explorer, the sessions or AWS', async () => {
    const asked: string[] = [];
    const sources: KeyLookupSources = {
      loadedKey: async (id) => (asked.push(`loaded ${id}`), undefined),
      sessions: async () => (asked.push('sessions'), []),
    };
    const lookup = new KeyLookup(sources, { cacheSeconds: 60, maxLookupsPerMinute: 1 });
    const answers = await Promise.all([THINKST_DOCUMENTED, LOOK_ALIKE, THINKST_DOCUMENTED].map((id) => lookup.lookup(id)));
    assert.deepEqual(answers.map((a) => [a.info.kind, a.source]), [['canary', 'key-id'], ['canary', 'key-id'], ['canary', 'key-id']]);
    assert.deepEqual(asked, []);
    // The one unit of budget is still there for a real key.
    const ordinary = await lookup.lookup(ORDINARY);
    assert.notEqual(ordinary.info.kind, 'limit-reached');
  });

  it('diagnostics and scans name it a canary token (a Warning), looked up or not; its secret too', () => {
    const expected = { severity: 'warning', status: 'canary', account: '052310077262', message: 'Canary token (canarytokens.org, account 052310077262): using it alerts its owner' };
    assert.deepEqual(accessKeyVerdict(THINKST_DOCUMENTED, undefined, NOW), expected);
    assert.deepEqual(accessKeyVerdict(THINKST_DOCUMENTED, { kind: 'limit-reached', accessKeyId: THINKST_DOCUMENTED, retryInMs: 1000 }, NOW), expected);
    const secret = secretVerdict('aws_secret_access_key', undefined, { accessKeyId: THINKST_DOCUMENTED, verdict: expected as ReturnType<typeof accessKeyVerdict> });
    assert.equal(secret.severity, 'warning');
    assert.equal(secret.message, `Secret access key of ${THINKST_DOCUMENTED}, a canary token (account 052310077262), in a file (aws_secret_access_key): using it alerts its owner`);
  });

  it('the hover says so', () => {
    const text = keyInfoMarkdown({ kind: 'canary', accessKeyId: LOOK_ALIKE, account: '044858866125', provider: 'canarytokens.org look-alike' }, { now: NOW, rotationWarningDays: 90 });
    // Markdown: the provider's name escaped, the account in bold.
    assert.ok(text.includes('$(warning) Canary token (canarytokens\\.org look\\-alike, account **044858866125**): using it alerts its owner. Not looked up.'), text);
  });
});
