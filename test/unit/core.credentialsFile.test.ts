// The credentials-file reader and rewriter on the inputs where readers disagree (issue #21
// item 6, issue #27): each expectation is literal text, and each case also shows the AWS SDK's
// own reading of the same text, so the product is seen to read what the SDK reads.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { appendProfile, readProfileKeys, replaceProfileKeys } from '../../src/core/credentialsFile';
import { SecretText } from '../../src/core/secretText';
import { sdkReadsCredentials } from '../support/sdkCredentialsReading';

const NEW_KEYS = { accessKeyId: 'AKIANEWNEWNEWNEWNEW1', secret: new SecretText('newSecret/+40charsXXXXXXXXXXXXXXXXXXXXXX') };

/** The keys the product reads, as plain values, or its reason for reading none. */
function productReads(text: string, profile: string): { id: string; secret: string; token: boolean } | string {
  const read = readProfileKeys(text, profile);
  return read.ok ? { id: read.keys.accessKeyId, secret: read.keys.secret.reveal(), token: read.keys.hasSessionToken } : read.reason;
}

describe('core/credentialsFile: where readers disagree, the SDK decides', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'iamkeys-credfile-'));
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('removes the profile\'s aws_security_token line (the legacy name) with aws_session_token, not another profile\'s', () => {
    const text = '[dev]\naws_access_key_id = AKIAOLD\naws_secret_access_key = old\naws_security_token = legacy\naws_session_token = tok\n[other]\naws_security_token = keep\n';
    assert.deepEqual(productReads(text, 'dev'), { id: 'AKIAOLD', secret: 'old', token: true });
    assert.equal(
      replaceProfileKeys(text, 'dev', NEW_KEYS),
      '[dev]\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\naws_secret_access_key = newSecret/+40charsXXXXXXXXXXXXXXXXXXXXXX\n[other]\naws_security_token = keep\n',
    );
  });

  it('[ dev ] is the profile " dev " for the SDK: "dev" is refused with the reason, " dev " is read', async () => {
    const text = '[ dev ]\naws_access_key_id = AKIASPACED\naws_secret_access_key = spaced\n';
    assert.deepEqual(await sdkReadsCredentials(text, dir), { ' dev ': { aws_access_key_id: 'AKIASPACED', aws_secret_access_key: 'spaced' } });
    assert.equal(
      productReads(text, 'dev'),
      'The credentials file has [ dev ] with spaces inside the brackets, which the AWS SDK reads as a profile other than "dev"; write it as [dev] first.',
    );
    assert.throws(() => replaceProfileKeys(text, 'dev', NEW_KEYS), /has \[ dev \] with spaces inside the brackets/);
    assert.deepEqual(productReads(text, ' dev '), { id: 'AKIASPACED', secret: 'spaced', token: false });
  });

  it('[dev] next to [ dev ] is rewritten alone', () => {
    const text = '[ dev ]\naws_access_key_id = AKIASPACED\naws_secret_access_key = spaced\n[dev]\naws_access_key_id = AKIAPLAIN\naws_secret_access_key = plain\n';
    assert.equal(
      replaceProfileKeys(text, 'dev', NEW_KEYS),
      '[ dev ]\naws_access_key_id = AKIASPACED\naws_secret_access_key = spaced\n[dev]\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\naws_secret_access_key = newSecret/+40charsXXXXXXXXXXXXXXXXXXXXXX\n',
    );
  });

  it('setting names are case-sensitive for the SDK: an upper-case key name in the profile is refused, named', async () => {
    const text = '[dev]\nAWS_ACCESS_KEY_ID = AKIAUPPER\naws_access_key_id = AKIALOWER\naws_secret_access_key = lower\n';
    assert.deepEqual(await sdkReadsCredentials(text, dir), { dev: { AWS_ACCESS_KEY_ID: 'AKIAUPPER', aws_access_key_id: 'AKIALOWER', aws_secret_access_key: 'lower' } });
    assert.equal(
      productReads(text, 'dev'),
      '[dev] in the credentials file has AWS_ACCESS_KEY_ID, which the AWS SDK ignores (setting names are case-sensitive) but other tools read; write it as aws_access_key_id first.',
    );
    assert.throws(() => replaceProfileKeys(text, 'dev', NEW_KEYS), /has AWS_ACCESS_KEY_ID, which the AWS SDK ignores/);
    assert.equal(
      productReads('[dev]\nAws_Session_Token = t\naws_access_key_id = A\naws_secret_access_key = S\n', 'dev'),
      '[dev] in the credentials file has Aws_Session_Token, which the AWS SDK ignores (setting names are case-sensitive) but other tools read; write it as aws_session_token first.',
    );
  });

  it('an upper-case key name in another profile, or under a sub-section, is left alone', () => {
    const text = '[ci]\nAWS_ACCESS_KEY_ID = AKIACI\n[dev]\nREGION = eu-west-1\ns3 =\n  AWS_SECRET_ACCESS_KEY = nested\naws_access_key_id = AKIAOLD\naws_secret_access_key = old\n';
    assert.equal(
      replaceProfileKeys(text, 'dev', NEW_KEYS),
      '[ci]\nAWS_ACCESS_KEY_ID = AKIACI\n[dev]\nREGION = eu-west-1\ns3 =\n  AWS_SECRET_ACCESS_KEY = nested\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\naws_secret_access_key = newSecret/+40charsXXXXXXXXXXXXXXXXXXXXXX\n',
    );
  });

  it('inline comments: " ;" and " #" end the value, "#" inside a value is text; the comment stays on rewrite', async () => {
    const text = '[dev]\naws_access_key_id = AKIAOLD ; rotated in May\naws_secret_access_key = abc#def\t# the old one\n';
    assert.deepEqual(await sdkReadsCredentials(text, dir), { dev: { aws_access_key_id: 'AKIAOLD', aws_secret_access_key: 'abc#def' } });
    assert.deepEqual(productReads(text, 'dev'), { id: 'AKIAOLD', secret: 'abc#def', token: false });
    assert.equal(
      replaceProfileKeys(text, 'dev', NEW_KEYS),
      '[dev]\naws_access_key_id = AKIANEWNEWNEWNEWNEW1 ; rotated in May\naws_secret_access_key = newSecret/+40charsXXXXXXXXXXXXXXXXXXXXXX\t# the old one\n',
    );
  });

  it('[ci]bot] is the section "ci]bot": the lines after it are not the previous profile\'s', async () => {
    const text = '[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = dev\n[ci]bot]\naws_access_key_id = AKIABOT\naws_secret_access_key = bot\n';
    assert.deepEqual(await sdkReadsCredentials(text, dir), {
      dev: { aws_access_key_id: 'AKIADEV', aws_secret_access_key: 'dev' },
      'ci]bot': { aws_access_key_id: 'AKIABOT', aws_secret_access_key: 'bot' },
    });
    assert.deepEqual(productReads(text, 'dev'), { id: 'AKIADEV', secret: 'dev', token: false });
    assert.deepEqual(productReads(text, 'ci]bot'), { id: 'AKIABOT', secret: 'bot', token: false });
    assert.equal(
      replaceProfileKeys(text, 'dev', NEW_KEYS),
      '[dev]\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\naws_secret_access_key = newSecret/+40charsXXXXXXXXXXXXXXXXXXXXXX\n[ci]bot]\naws_access_key_id = AKIABOT\naws_secret_access_key = bot\n',
    );
  });

  it('[bob]#ci is no section (a comment needs whitespace before it): its lines stay in the profile above', async () => {
    const text = '[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = dev\n[bob]#ci\naws_access_key_id = AKIABOB\n';
    assert.deepEqual(await sdkReadsCredentials(text, dir), { dev: { aws_access_key_id: 'AKIABOB', aws_secret_access_key: 'dev' } });
    assert.deepEqual(productReads(text, 'dev'), { id: 'AKIABOB', secret: 'dev', token: false });
    assert.equal(productReads(text, 'bob'), 'The credentials file has no [bob] profile.');
    assert.equal(
      replaceProfileKeys(text, 'dev', NEW_KEYS),
      '[dev]\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\naws_secret_access_key = newSecret/+40charsXXXXXXXXXXXXXXXXXXXXXX\n[bob]#ci\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\n',
    );
  });

  it('a lone CR ends no line: a CR-only file has no profile; a CR before a comment is whitespace', async () => {
    const crOnly = '[dev]\raws_access_key_id = AKIACR\raws_secret_access_key = cr\r';
    assert.deepEqual(await sdkReadsCredentials(crOnly, dir), {});
    assert.equal(productReads(crOnly, 'dev'), 'The credentials file has no [dev] profile.');
    const mixed = '[dev]\r\naws_access_key_id = AKIAOLD\r# note\r\naws_secret_access_key = old\r\r\n';
    assert.deepEqual(await sdkReadsCredentials(mixed, dir), { dev: { aws_access_key_id: 'AKIAOLD', aws_secret_access_key: 'old' } });
    assert.equal(
      replaceProfileKeys(mixed, 'dev', NEW_KEYS),
      '[dev]\r\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\r# note\r\naws_secret_access_key = newSecret/+40charsXXXXXXXXXXXXXXXXXXXXXX\r\r\n',
    );
  });

  it('indented settings after "s3 =" are s3\'s, not the profile\'s: they are neither read nor rewritten', async () => {
    const text = '[dev]\ns3 =\n  max_concurrent_requests = 10\n  aws_access_key_id = AKIANESTED\naws_access_key_id = AKIATOP\naws_secret_access_key = top\n';
    assert.deepEqual(await sdkReadsCredentials(text, dir), {
      dev: { 's3.max_concurrent_requests': '10', 's3.aws_access_key_id': 'AKIANESTED', aws_access_key_id: 'AKIATOP', aws_secret_access_key: 'top' },
    });
    assert.deepEqual(productReads(text, 'dev'), { id: 'AKIATOP', secret: 'top', token: false });
    assert.equal(
      replaceProfileKeys(text, 'dev', NEW_KEYS),
      '[dev]\ns3 =\n  max_concurrent_requests = 10\n  aws_access_key_id = AKIANESTED\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\naws_secret_access_key = newSecret/+40charsXXXXXXXXXXXXXXXXXXXXXX\n',
    );
    assert.equal(productReads('[dev]\naws_access_key_id = A\ns3 =\n  aws_secret_access_key = NESTED\n', 'dev'), '[dev] in the credentials file has no aws_secret_access_key.');
  });

  it('only a setting with a value ends a sub-section: a line without "=", "= x" and a comment ("#s3 =") do not', async () => {
    const text = '[dev]\naws_access_key_id = AKIATOP\naws_secret_access_key = top\ns3 =\nplain words\n= orphan\n  aws_access_key_id = AKIANESTED\n#s4 =\n  aws_secret_access_key = NESTED\n';
    assert.deepEqual(await sdkReadsCredentials(text, dir), {
      dev: { aws_access_key_id: 'AKIATOP', aws_secret_access_key: 'top', 's3.aws_access_key_id': 'AKIANESTED', 's3.aws_secret_access_key': 'NESTED' },
    });
    assert.deepEqual(productReads(text, 'dev'), { id: 'AKIATOP', secret: 'top', token: false });
    const commentedSubSection = '[dev]\n#s3 =\n  aws_access_key_id = AKIAINDENTED\naws_secret_access_key = s\n';
    assert.deepEqual(await sdkReadsCredentials(commentedSubSection, dir), { dev: { aws_access_key_id: 'AKIAINDENTED', aws_secret_access_key: 's' } });
    assert.deepEqual(productReads(commentedSubSection, 'dev'), { id: 'AKIAINDENTED', secret: 's', token: false });
  });

  it('an empty value is no value: "aws_session_token =" opens a sub-section and stays', () => {
    const text = '[dev]\naws_session_token =\naws_access_key_id = AKIAOLD\naws_secret_access_key = old\n';
    assert.deepEqual(productReads(text, 'dev'), { id: 'AKIAOLD', secret: 'old', token: false });
    assert.equal(replaceProfileKeys(text, 'dev', NEW_KEYS), '[dev]\naws_session_token =\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\naws_secret_access_key = newSecret/+40charsXXXXXXXXXXXXXXXXXXXXXX\n');
  });

  it('refuses (before any rotation starts) a profile whose token line ends a sub-section the indented lines after it would fall into', async () => {
    const text = '[dev]\ns3 =\naws_session_token = tok\n  region = eu-west-1\naws_access_key_id = AKIAOLD\naws_secret_access_key = old\n';
    assert.deepEqual(await sdkReadsCredentials(text, dir), { dev: { aws_session_token: 'tok', region: 'eu-west-1', aws_access_key_id: 'AKIAOLD', aws_secret_access_key: 'old' } });
    assert.equal(productReads(text, 'dev'), 'Removing the session token line of [dev] would change how the AWS SDK reads the indented settings after it; remove that line by hand first.');
    assert.throws(() => replaceProfileKeys(text, 'dev', NEW_KEYS), /^Error: Removing the session token line of \[dev\]/);
    const harmless = '[dev]\ns3 =\naws_session_token = tok\naws_access_key_id = AKIAOLD\naws_secret_access_key = old\n';
    assert.equal(replaceProfileKeys(harmless, 'dev', NEW_KEYS), '[dev]\ns3 =\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\naws_secret_access_key = newSecret/+40charsXXXXXXXXXXXXXXXXXXXXXX\n');
  });

  it('[profile dev] is "profile.dev", [other dev] and [] are skipped, [__proto__] makes the SDK read nothing', async () => {
    const text = '[profile dev]\naws_access_key_id = AKIAPROFILE\naws_secret_access_key = p\n[other x]\naws_access_key_id = AKIAOTHER\n';
    assert.deepEqual(await sdkReadsCredentials(text, dir), { 'profile.dev': { aws_access_key_id: 'AKIAPROFILE', aws_secret_access_key: 'p' } });
    assert.equal(productReads(text, 'dev'), 'The credentials file has no [dev] profile.');
    assert.deepEqual(productReads(text, 'profile.dev'), { id: 'AKIAPROFILE', secret: 'p', token: false });
    assert.equal(productReads(text, 'other x'), 'The credentials file has no [other x] profile.');
    assert.equal(productReads('[]\naws_access_key_id = A\naws_secret_access_key = S\n', ''), 'The credentials file has no [] profile.');
    const refused = '[__proto__]\nx = 1\n[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = dev\n';
    assert.deepEqual(await sdkReadsCredentials(refused, dir), {});
    assert.equal(productReads(refused, 'dev'), 'The AWS SDK reads nothing from this credentials file: it refuses the section [__proto__].');
    const refusedProfile = '[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = dev\n[profile __proto__]\n';
    assert.deepEqual(await sdkReadsCredentials(refusedProfile, dir), {});
    assert.equal(productReads(refusedProfile, 'dev'), 'The AWS SDK reads nothing from this credentials file: it refuses the section [profile __proto__].');
  });

  it('[sso-session x], [services x] and [profile "x"] are typed sections, as the SDK files them; mismatched quotes are not', async () => {
    const text =
      '[sso-session corp]\naws_access_key_id = AKIASSO\naws_secret_access_key = sso\n[services local]\naws_access_key_id = AKIASERVICES\naws_secret_access_key = svc\n' +
      '[profile "quoted"]\naws_access_key_id = AKIAQUOTED\naws_secret_access_key = q\n[profile \'mixed"]\naws_access_key_id = AKIAMIXED\naws_secret_access_key = m\n';
    assert.deepEqual(await sdkReadsCredentials(text, dir), {
      'sso-session.corp': { aws_access_key_id: 'AKIASSO', aws_secret_access_key: 'sso' },
      'services.local': { aws_access_key_id: 'AKIASERVICES', aws_secret_access_key: 'svc' },
      'profile.quoted': { aws_access_key_id: 'AKIAQUOTED', aws_secret_access_key: 'q' },
      'profile \'mixed"': { aws_access_key_id: 'AKIAMIXED', aws_secret_access_key: 'm' },
    });
    assert.deepEqual(productReads(text, 'sso-session.corp'), { id: 'AKIASSO', secret: 'sso', token: false });
    assert.deepEqual(productReads(text, 'services.local'), { id: 'AKIASERVICES', secret: 'svc', token: false });
    assert.deepEqual(productReads(text, 'profile.quoted'), { id: 'AKIAQUOTED', secret: 'q', token: false });
    assert.equal(productReads(text, 'profile.mixed'), 'The credentials file has no [profile.mixed] profile.');
    assert.deepEqual(productReads(text, 'profile \'mixed"'), { id: 'AKIAMIXED', secret: 'm', token: false });
    const untyped = '[my profile dev]\naws_access_key_id = AKIAMY\naws_secret_access_key = my\n[profile dev x]\naws_access_key_id = AKIAX\naws_secret_access_key = x\n';
    assert.deepEqual(await sdkReadsCredentials(untyped, dir), {
      'my profile dev': { aws_access_key_id: 'AKIAMY', aws_secret_access_key: 'my' },
      'profile dev x': { aws_access_key_id: 'AKIAX', aws_secret_access_key: 'x' },
    });
    assert.deepEqual(productReads(untyped, 'my profile dev'), { id: 'AKIAMY', secret: 'my', token: false });
    assert.deepEqual(productReads(untyped, 'profile dev x'), { id: 'AKIAX', secret: 'x', token: false });
  });

  it('appends a profile after a last line that ends in a lone CR with a real line ending', () => {
    assert.equal(
      appendProfile('[a]\nx = 1\r', 'new', NEW_KEYS),
      '[a]\nx = 1\r\n\n[new]\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\naws_secret_access_key = newSecret/+40charsXXXXXXXXXXXXXXXXXXXXXX\n',
    );
    assert.equal(appendProfile('', 'n', NEW_KEYS), '[n]\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\naws_secret_access_key = newSecret/+40charsXXXXXXXXXXXXXXXXXXXXXX\n');
    assert.equal(appendProfile('[a]\nx = 1', 'n', NEW_KEYS), '[a]\nx = 1\n\n[n]\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\naws_secret_access_key = newSecret/+40charsXXXXXXXXXXXXXXXXXXXXXX\n');
    assert.equal(appendProfile('[a]\r\nx = 1\r\n', 'n', NEW_KEYS), '[a]\r\nx = 1\r\n\r\n[n]\r\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\r\naws_secret_access_key = newSecret/+40charsXXXXXXXXXXXXXXXXXXXXXX\r\n');
  });
});
