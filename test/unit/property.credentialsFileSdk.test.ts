// Differential property test of the credentials-file reader and rewriter against the AWS SDK's
// reader (loadSharedConfigFiles from @smithy/shared-ini-file-loader, what fromIni uses): over
// generated files full of the inputs where INI readers disagree, for every profile the product
// reads either the SDK's values or refuses with a reason, and a rewrite changes, for the SDK,
// exactly the profile's keys (tokens gone) while every line outside the key lines keeps its bytes.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { readProfileKeys, replaceProfileKeys } from '../../src/core/credentialsFile';
import { SecretText } from '../../src/core/secretText';
import { sdkReadsCredentials, type SdkReading } from '../support/sdkCredentialsReading';

const NAMES = ['dev', 'ci', 'bob', 'prod', 'default'];
const name = fc.constantFrom(...NAMES);

const header = fc.oneof(
  { arbitrary: name.map((n) => `[${n}]`), weight: 6 },
  ...[
    name.map((n) => `[ ${n} ]`),
    name.map((n) => ` [${n}]\t`),
    name.map((n) => `[${n}] # note`),
    name.map((n) => `[${n}]#ci`),
    name.map((n) => `[${n}];x`),
    name.map((n) => `[${n}] ; [dev]`),
    name.map((n) => `[profile ${n}]`),
    name.map((n) => `[other ${n}]`),
    fc.constant('[ci]bot]'),
    fc.constant('[]'),
  ].map((arbitrary) => ({ arbitrary, weight: 1 })),
);

const settingName = fc.constantFrom(
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'aws_security_token',
  'AWS_ACCESS_KEY_ID',
  'Aws_Secret_Access_Key',
  'AWS_SESSION_TOKEN',
  'region',
  's3',
  'max_concurrent_requests',
);
const value = fc.oneof(
  { arbitrary: fc.stringMatching(/^AKIA[A-Z2-7]{4}$/), weight: 3 },
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9/+]{6}$/), weight: 3 },
  { arbitrary: fc.constantFrom('', 'v;x', 'v#x', 'a=b', '[dev]', 'v ;c', 'v\t# c', 'v #[ci]'), weight: 2 },
);
const indent = fc.constantFrom('', '', '', '', ' ', '  ', '\t');
const equals = fc.constantFrom('=', ' = ', ' = ', '\t=\t', '  =', '= ');
const trailing = fc.constantFrom('', '', '', ' ', '\t', ' # note', ' ; note', ';x');
const setting = (names: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.tuple(indent, names, equals, value, trailing).map((parts) => parts.join(''));

const line = fc.oneof(
  { arbitrary: setting(settingName), weight: 6 },
  { arbitrary: fc.constantFrom('', '# aws_access_key_id = AKIACOMMENT', '; [dev]', '  # note', 'no equals here', '= orphan'), weight: 2 },
  { arbitrary: header, weight: 1 },
);

/** A header, then its key lines (most often both) among other lines, in any order. */
const section = fc
  .tuple(header, setting(fc.constant('aws_access_key_id')), setting(fc.constant('aws_secret_access_key')), fc.array(line, { maxLength: 5 }), fc.nat(9))
  .chain(([head, id, secret, others, drop]) => {
    const body = [...(drop === 0 ? [] : [id]), ...(drop === 1 ? [] : [secret]), ...others];
    return fc.shuffledSubarray(body, { minLength: body.length }).map((lines) => [head, ...lines]);
  });

const ending = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r\n', '\r', '\r\r\n');

/** Lines before the first section, then sections, each line with its own ending (the last one possibly none). */
const credentialsFile = fc
  .tuple(fc.array(line, { maxLength: 2 }), fc.array(section, { minLength: 1, maxLength: 4 }), fc.array(ending, { minLength: 40, maxLength: 40 }), fc.boolean())
  .map(([preamble, sections, endings, lastEnds]) => {
    const lines = [...preamble, ...sections.flat()];
    return lines.map((text, i) => text + (i < lines.length - 1 || lastEnds ? endings[i % endings.length] : '')).join('');
  });

const keyId = fc.stringMatching(/^AKIA[A-Z2-7]{16}$/);
const secret = fc.stringMatching(/^[A-Za-z0-9/+]{40}$/);

/** Profile names to ask for: every section key the SDK found, and names that should find nothing. */
function profilesToAsk(reading: SdkReading): string[] {
  return [...new Set([...Object.keys(reading), ...NAMES, ' dev ', 'ci]bot', 'profile.dev'])];
}

const TOKENS = ['aws_session_token', 'aws_security_token'];
/** Reasons the product may give for a profile whose keys the SDK does read. */
// `s`: a profile name can hold a lone "\r" (the SDK splits lines at "\n" only), which `.` would not match.
const REFUSALS = [
  /has \[.*\] more than once; merge them first\.$/s,
  /has (\w+), which the AWS SDK ignores \(setting names are case-sensitive\)/,
  /^Removing the session token line of \[.*\] would change how the AWS SDK reads the indented settings after it/s,
];

/** The text's lines, each with its "\n" (a lone "\r" stays inside a line, as the SDK has it). */
const rawLines = (text: string): string[] => text.split(/(?<=\n)/);

/**
 * Whether `after` is `before` with only a span replaced by `inserted` (the rest of the line,
 * comment and spacing included, byte for byte the same).
 */
function onlyValueChanged(before: string, after: string, inserted: readonly string[]): boolean {
  if (before === after) return true;
  return inserted.some((v) => {
    const at = after.indexOf(v);
    if (at === -1) return false;
    const head = after.slice(0, at);
    const tail = after.slice(at + v.length);
    return before.length >= head.length + tail.length && before.startsWith(head) && before.endsWith(tail);
  });
}

describe('credentials file against the AWS SDK\'s reader (differential property)', function () {
  this.timeout(120_000);
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'iamkeys-sdkdiff-'));
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('reads every profile as the SDK does, or refuses it with a reason', async () => {
    await fc.assert(
      fc.asyncProperty(credentialsFile, async (text) => {
        const sdk = await sdkReadsCredentials(text, dir);
        for (const profile of profilesToAsk(sdk)) {
          const read = readProfileKeys(text, profile);
          const theirs = sdk[profile] ?? {};
          const sdkHasKeys = theirs.aws_access_key_id !== undefined && theirs.aws_secret_access_key !== undefined;
          if (read.ok) {
            assert.deepEqual(
              { id: read.keys.accessKeyId, secret: read.keys.secret.reveal(), token: read.keys.hasSessionToken },
              { id: theirs.aws_access_key_id, secret: theirs.aws_secret_access_key, token: TOKENS.some((t) => t in theirs) },
              `profile ${JSON.stringify(profile)}`,
            );
          } else if (sdkHasKeys) {
            assert.ok(REFUSALS.some((r) => r.test(read.reason)), `profile ${JSON.stringify(profile)}: the SDK reads keys, the product says ${read.reason}`);
            if (read.reason.startsWith('Removing the session token')) assert.ok(TOKENS.some((t) => t in theirs), 'refused over a token the SDK does not see');
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a rewrite changes, for the SDK, only the profile\'s keys and tokens; every other line keeps its bytes', async () => {
    await fc.assert(
      fc.asyncProperty(credentialsFile, keyId, secret, async (text, newId, newSecret) => {
        const sdk = await sdkReadsCredentials(text, dir);
        for (const profile of Object.keys(sdk)) {
          if (!readProfileKeys(text, profile).ok) continue;
          const out = replaceProfileKeys(text, profile, { accessKeyId: newId, secret: new SecretText(newSecret) });

          const expected: SdkReading = structuredClone(sdk);
          for (const token of TOKENS) delete expected[profile][token];
          expected[profile].aws_access_key_id = newId;
          expected[profile].aws_secret_access_key = newSecret;
          assert.deepEqual(await sdkReadsCredentials(out, dir), expected, `profile ${JSON.stringify(profile)}`);

          // Line by line: each line is kept as it was, has only a value replaced, or was a token line and is gone.
          const after = rawLines(out);
          let next = 0;
          for (const before of rawLines(text)) {
            if (next < after.length && onlyValueChanged(before, after[next], [newId, newSecret])) next++;
            else assert.match(before, /aws_se(ssion|curity)_token/, `line ${JSON.stringify(before)} went missing`);
          }
          assert.equal(next, after.length, 'no line was added');
        }
      }),
      { numRuns: 200 },
    );
  });
});
