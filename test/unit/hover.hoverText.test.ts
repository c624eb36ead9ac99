// The hover's Markdown for each kind of answer: what it says, which links it carries, and that
// values from outside can't inject Markdown.
import * as assert from 'assert';
import type { AccessKey } from '../../src/core/types';
import { HOVER_COMMANDS, keyInfoMarkdown, lookingUpMarkdown, otherIdMarkdown, type Translate } from '../../src/features/hover/hoverText';
import type { KeyInfo } from '../../src/features/hover/keyInfo';
import { commandUri, escapeMarkdown } from '../../src/features/hover/markdown';

const NOW = new Date('2024-06-01T12:00:00Z');
const ctx = { now: NOW, rotationWarningDays: 90 };
/** The Markdown without its backslash escapes, to compare with plain text. */
const unescaped = (markdown: string): string => markdown.replace(/\\(.)/g, '$1');
const ID = 'AKIAIOSFODNN7EXAMPLE';

function key(overrides: Partial<AccessKey> = {}): AccessKey {
  return { UserName: 'alice', AccessKeyId: ID, Status: 'Active', CreateDate: new Date('2024-05-02T08:30:00Z'), ...overrides };
}

function found(overrides: Partial<Extract<KeyInfo, { kind: 'found' }>> = {}): KeyInfo {
  return {
    kind: 'found',
    accessKeyId: ID,
    account: '123456789012',
    profile: 'work',
    userName: 'alice',
    root: false,
    key: key(),
    lastUsed: { UserName: 'alice', LastUsedDate: new Date('2024-05-30T07:00:00Z'), ServiceName: 's3', Region: 'eu-west-1' },
    ...overrides,
  };
}

/** Command links in `markdown`, with their decoded arguments. */
function links(markdown: string): { command: string; args: unknown }[] {
  return [...markdown.matchAll(/\]\(command:([\w.]+)\?([^ )]*)/g)].map((m) => ({ command: m[1] as string, args: JSON.parse(decodeURIComponent(m[2] as string)) }));
}

describe('hover: hoverText', () => {
  describe('a key of a configured account', () => {
    const text = keyInfoMarkdown(found(), ctx);

    it('names the owner, account, profile and status', () => {
      assert.match(text, /\$\(key\) \*\*AKIAIOSFODNN7EXAMPLE\*\* · Access key \\\(long\\-term\\\)/);
      assert.match(text, /Owner: \*\*alice\*\*/);
      assert.match(text, /Account: 123456789012 · profile work/);
      assert.match(text, /Status: Active/);
    });

    it('gives the creation date in UTC with its age, and the last use', () => {
      assert.match(text, /Created: 2024-05-02 08:30 UTC · 30 days ago/);
      assert.match(text, /Last used: 2024-05-30 07:00 UTC · 2 days ago · s3 · eu\\-west\\-1/);
    });

    it('links to copy, show as JSON and reveal, with { accessKeyId } as argument', () => {
      assert.deepStrictEqual(links(text), [
        { command: 'iamKeys.copyAccessKeyId', args: [{ accessKeyId: ID }] },
        { command: 'iamKeys.showAccessKeyJson', args: [{ accessKeyId: ID }] },
        { command: 'iamKeys.revealAccessKey', args: [{ accessKeyId: ID }] },
      ]);
      for (const link of links(text)) assert.ok(HOVER_COMMANDS.includes(link.command));
    });

    it('has no health warnings for a young, recently used key', () => {
      assert.doesNotMatch(text, /\$\(warning\)|\$\(error\)/);
    });
  });

  it('warns when an active key is older than rotationWarningDays', () => {
    const text = keyInfoMarkdown(found({ key: key({ CreateDate: new Date('2024-01-01T00:00:00Z') }) }), ctx);
    assert.match(text, /\$\(warning\) Active for 152 days \\\(rotate every 90 days\\\) \\\[IAM\\\.3\\, CIS 1\\\.14\\\]/);
    const lenient = keyInfoMarkdown(found({ key: key({ CreateDate: new Date('2024-01-01T00:00:00Z') }) }), { ...ctx, rotationWarningDays: 200 });
    assert.doesNotMatch(lenient, /rotate every/);
  });

  it('says "never used", and warns about an active key never used for 45 days, naming IAM.22 and CIS 1.12', () => {
    const neverUsed = { UserName: 'alice', ServiceName: 'N/A', Region: 'N/A' };
    const young = keyInfoMarkdown(found({ lastUsed: neverUsed }), ctx);
    assert.match(young, /Last used: never used/);
    assert.doesNotMatch(young, /\$\(warning\)/, '30 days old: under the 45-day threshold');
    const old = keyInfoMarkdown(found({ lastUsed: neverUsed, key: key({ CreateDate: new Date('2024-04-01T00:00:00Z') }) }), ctx);
    assert.ok(unescaped(old).includes('$(warning) Not used for 45 days or more (never used, created 61 days ago) [IAM.22, CIS 1.12]'), old);
    assert.doesNotMatch(old, /IAM\\\.8/, '61 days: under IAM.8\'s 90');
  });

  it('says last use is not fetched yet when it is unknown (loaded in the tree, no call made)', () => {
    assert.match(keyInfoMarkdown(found({ lastUsed: undefined }), ctx), /Last used: not fetched yet/);
  });

  it('marks a root user key as critical and offers no reveal', () => {
    const text = keyInfoMarkdown(found({ root: true, userName: '<root_account>', key: key({ UserName: '' }) }), ctx);
    assert.match(text, /Owner: the account's root user/);
    assert.ok(unescaped(text).includes('$(error) Root user access key: delete it and use IAM users or roles instead [IAM.4, CIS 1.4]'), text);
    assert.deepStrictEqual(links(text).map((l) => l.command), ['iamKeys.copyAccessKeyId', 'iamKeys.showAccessKeyJson']);
  });

  it('still names the owner when the key itself could not be listed', () => {
    const text = keyInfoMarkdown(found({ key: undefined }), ctx);
    assert.match(text, /Owner: \*\*alice\*\*/);
    assert.match(text, /Status: unknown/);
    assert.match(text, /Last used: 2024-05-30 07:00 UTC/);
  });

  it('says a temporary key is temporary and which account issued it', () => {
    const text = keyInfoMarkdown({ kind: 'temporary', accessKeyId: 'ASIAIOSFODNN7EXAMPLE', account: '210987654321' }, ctx);
    assert.match(text, /\$\(clock\) \*\*ASIAIOSFODNN7EXAMPLE\*\* · Temporary access key \\\(AWS STS\\\)/);
    assert.match(text, /Temporary key issued by account \*\*210987654321\*\*/);
    assert.match(text, /IAM lists no temporary keys/);
    assert.deepStrictEqual(links(text).map((l) => l.command), ['iamKeys.copyAccessKeyId']);
  });

  it('names the other account for a key no profile covers', () => {
    const text = keyInfoMarkdown({ kind: 'other-account', accessKeyId: ID, account: '210987654321' }, ctx);
    assert.match(text, /Belongs to account \*\*210987654321\*\*, which none of your profiles/);
    assert.deepStrictEqual(links(text).map((l) => l.command), ['iamKeys.copyAccessKeyId']);
  });

  it('says a key was not found', () => {
    assert.match(keyInfoMarkdown({ kind: 'not-found', accessKeyId: ID, account: '123456789012' }, ctx), /Not found in account \*\*123456789012\*\*: deleted, or never existed/);
    assert.match(keyInfoMarkdown({ kind: 'not-found', accessKeyId: ID }, ctx), /Not found in the accounts of your profiles/);
    assert.match(keyInfoMarkdown({ kind: 'not-found', accessKeyId: ID, account: '123456789012', deniedAsUnknown: true }, ctx), /IAM answered "access denied"/);
  });

  it('shows an error by its classified message and hint, escaped', () => {
    const text = keyInfoMarkdown({ kind: 'error', accessKeyId: ID, message: 'Access denied: iam:GetAccessKeyLastUsed', hint: 'Your credentials need the iam:GetAccessKeyLastUsed permission.' }, ctx);
    assert.match(text, /\$\(error\) Lookup failed: Access denied\\: iam\\:GetAccessKeyLastUsed/);
    assert.match(text, /Your credentials need the iam\\:GetAccessKeyLastUsed permission\\\./);
  });

  it('says the lookup limit was reached', () => {
    const text = keyInfoMarkdown({ kind: 'limit-reached', accessKeyId: ID, retryInMs: 12_300 }, ctx);
    assert.match(text, /Lookup limit reached, try again in a moment \(13 s\)/);
    assert.match(text, /iamKeys\.hover\.maxLookupsPerMinute/);
  });

  it('offers to select a profile when none is configured', () => {
    const text = keyInfoMarkdown({ kind: 'no-connection', accessKeyId: ID }, ctx);
    assert.match(text, /No AWS profile is configured/);
    assert.ok(links(text).some((l) => l.command === 'iamKeys.selectProfile'));
  });

  it('shows "looking up" while the answer is on its way', () => {
    const text = lookingUpMarkdown(ID, {});
    assert.match(text, /\$\(loading~spin\) \*\*AKIAIOSFODNN7EXAMPLE\*\*/);
    assert.match(text, /Looking up/);
  });

  it('only names the kind of other unique IDs, with no links', () => {
    const text = otherIdMarkdown('AROADBQP57FF2AEXAMPLE', 'role', {});
    assert.match(text, /\*\*AROADBQP57FF2AEXAMPLE\*\* · IAM role/);
    assert.match(text, /not an access key/);
    assert.deepStrictEqual(links(text), []);
  });

  it('escapes Markdown, icons and line breaks in values', () => {
    const nasty = 'bob_[x](command:evil)*$(alert)<img>|`\nnext';
    const text = keyInfoMarkdown(
      found({ userName: nasty, profile: 'p_1', lastUsed: { UserName: nasty, LastUsedDate: new Date('2024-05-30T07:00:00Z'), ServiceName: '$(bug)s3', Region: '**r**' } }),
      ctx,
    );
    assert.ok(text.includes('**bob\\_\\[x\\]\\(command\\:evil\\)\\*\\$\\(alert\\)\\<img\\>\\|\\` next**'), text);
    assert.ok(text.includes('\\$\\(bug\\)s3 · \\*\\*r\\*\\*'));
    assert.ok(text.includes('profile p\\_1'));
    assert.deepStrictEqual(links(text).map((l) => l.command), ['iamKeys.copyAccessKeyId', 'iamKeys.showAccessKeyJson', 'iamKeys.revealAccessKey']);
  });

  it('passes its sentences through the translator', () => {
    const upper: Translate = (message, ...args) => message.toUpperCase().replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));
    assert.match(keyInfoMarkdown({ kind: 'not-found', accessKeyId: ID }, { ...ctx, t: upper }), /NOT FOUND IN THE ACCOUNTS/);
  });
});

describe('hover: markdown helpers', () => {
  it('escapes every ASCII punctuation character and nothing else', () => {
    assert.strictEqual(escapeMarkdown('a-b.c'), 'a\\-b\\.c');
    assert.strictEqual(escapeMarkdown('ÄÖ über 123'), 'ÄÖ über 123');
    assert.strictEqual(escapeMarkdown('x\r\ny'), 'x y');
  });

  it('encodes command arguments as a URL-encoded JSON array', () => {
    const uri = commandUri('iamKeys.copyAccessKeyId', { accessKeyId: ID });
    assert.strictEqual(uri, `command:iamKeys.copyAccessKeyId?${encodeURIComponent(JSON.stringify([{ accessKeyId: ID }]))}`);
    assert.doesNotMatch(uri, /[ "{}]/);
  });
});
