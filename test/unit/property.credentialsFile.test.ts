// Rewriting one profile's keys in a credentials file: property-tested over generated files
// (profiles in any order, comments, blank lines, odd spacing, CRLF/LF/CR mixes, session
// tokens), plus the atomic write (mode 0600, backup beside it).
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { readProfileKeys, replaceProfileKeys } from '../../src/core/credentialsFile';
import { backupPathOf, credentialsFilePath, readKeysFromFile, writeProfileKeys } from '../../src/core/credentialsFileStore';
import { SecretText } from '../../src/core/secretText';
import { withCredentialsFileLock } from '../../src/core/credentialsFileLock';

// A lone CR is left out: CR then an empty line ending in LF would read back as one CRLF.
const ending = fc.constantFrom('\n', '\r\n');
const spacing = fc.constantFrom('', ' ', '  ', '\t');
const keyId = fc.stringMatching(/^AKIA[A-Z2-7]{16}$/);
const secret = fc.stringMatching(/^[A-Za-z0-9/+]{40}$/);
const profileName = fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/);
const comment = fc.tuple(fc.constantFrom('#', ';'), fc.stringMatching(/^[ a-z=[\]]{0,20}$/)).map(([c, t]) => c + t);

type LineKind = 'id' | 'secret' | 'token' | 'other';

interface GeneratedLine {
  /** Text before the value (for id/secret lines), or the whole line. */
  readonly head: string;
  readonly value: string;
  readonly kind: LineKind;
}

interface GeneratedProfile {
  readonly name: string;
  readonly lines: GeneratedLine[];
}

const profile = (name: string): fc.Arbitrary<GeneratedProfile> =>
  fc
    .tuple(keyId, secret, fc.boolean(), spacing, spacing, fc.array(fc.oneof(comment, fc.constant(''), fc.constant('region = eu-west-1')), { maxLength: 3 }), fc.boolean())
    .map(([id, sec, token, before, after, extras, swap]) => {
      const idLine: GeneratedLine = { head: `aws_access_key_id${before}=${after}`, value: id, kind: 'id' };
      const secretLine: GeneratedLine = { head: `${before}aws_secret_access_key${after}=${before}`, value: sec, kind: 'secret' };
      const lines: GeneratedLine[] = swap ? [secretLine, idLine] : [idLine, secretLine];
      if (token) lines.push({ head: '', value: `aws_session_token = FwoGZXIvYXdzEXAMPLETOKEN${sec}`, kind: 'token' });
      return { name, lines: [...lines, ...extras.map((text): GeneratedLine => ({ head: '', value: text, kind: 'other' }))] };
    });

interface RenderedLine extends GeneratedLine {
  readonly profile?: string;
}

/** The file's text from its lines, line i ending in endings[i] (the last one optionally in none). */
function render(lines: readonly RenderedLine[], endings: readonly string[], finalNewline: boolean): string {
  return lines.map((line, i) => line.head + line.value + (i < lines.length - 1 || finalNewline ? endings[i % endings.length] : '')).join('');
}

const credentialsFile = fc
  .uniqueArray(profileName, { minLength: 1, maxLength: 5 })
  .chain((names) =>
    fc.tuple(
      fc.tuple(...names.map(profile)),
      fc.array(ending, { minLength: 60, maxLength: 60 }),
      fc.array(comment, { maxLength: 2 }),
      fc.nat({ max: names.length - 1 }),
      fc.boolean(),
    ),
  )
  .map(([profiles, endings, preamble, target, finalNewline]) => {
    const rendered: RenderedLine[] = preamble.map((text) => ({ head: '', value: text, kind: 'other' }));
    for (const p of profiles) {
      rendered.push({ head: '', value: `[${p.name}]`, kind: 'other' });
      for (const line of p.lines) rendered.push({ ...line, profile: p.name });
    }
    return { text: render(rendered, endings, finalNewline), rendered, endings, finalNewline, target: profiles[target] };
  });

describe('credentials file: one profile rewritten, every other byte kept (property)', () => {
  it('only the target key values change and its token lines go, each kept line with its own ending', () => {
    fc.assert(
      fc.property(credentialsFile, keyId, secret, ({ text, rendered, endings, finalNewline, target }, newId, newSecret) => {
        const out = replaceProfileKeys(text, target.name, { accessKeyId: newId, secret: new SecretText(newSecret) });
        // Expected text, built from the generated lines (not by the code under test).
        const kept = rendered
          .map((line, i) => ({ line, ending: i < rendered.length - 1 || finalNewline ? endings[i % endings.length] : '' }))
          .filter(({ line }) => !(line.profile === target.name && line.kind === 'token'))
          .map(({ line, ending }) => {
            if (line.profile !== target.name) return line.head + line.value + ending;
            if (line.kind === 'id') return line.head + newId + ending;
            if (line.kind === 'secret') return line.head + newSecret + ending;
            return line.head + line.value + ending;
          });
        assert.equal(out, kept.join(''));
        const read = readProfileKeys(out, target.name);
        assert.ok(read.ok);
        assert.equal(read.keys.accessKeyId, newId);
        assert.equal(read.keys.secret.reveal(), newSecret);
        assert.equal(read.keys.hasSessionToken, false);
      }),
      { numRuns: 300 },
    );
  });

  it('rewriting with the keys it had gives the same bytes back (when there was no token)', () => {
    fc.assert(
      fc.property(credentialsFile, ({ text, target }) => {
        const read = readProfileKeys(text, target.name);
        assert.ok(read.ok);
        fc.pre(!read.keys.hasSessionToken);
        assert.equal(replaceProfileKeys(text, target.name, read.keys), text);
      }),
      { numRuns: 200 },
    );
  });

  it('other profiles read the same after the rewrite', () => {
    fc.assert(
      fc.property(credentialsFile, keyId, secret, ({ text, target, rendered }, newId, newSecret) => {
        const out = replaceProfileKeys(text, target.name, { accessKeyId: newId, secret: new SecretText(newSecret) });
        for (const name of new Set(rendered.map((r) => r.profile).filter((p): p is string => p !== undefined && p !== target.name))) {
          const a = readProfileKeys(text, name);
          const b = readProfileKeys(out, name);
          assert.ok(a.ok && b.ok);
          assert.deepEqual([b.keys.accessKeyId, b.keys.secret.reveal(), b.keys.hasSessionToken], [a.keys.accessKeyId, a.keys.secret.reveal(), a.keys.hasSessionToken]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a missing, repeated or incomplete profile with the reason', () => {
    const keys = { accessKeyId: 'AKIAAAAAAAAAAAAAAAAA', secret: new SecretText('x'.repeat(40)) };
    assert.throws(() => replaceProfileKeys('[a]\naws_access_key_id=AKIA\naws_secret_access_key=s\n', 'b', keys), /no \[b\] profile/);
    assert.throws(() => replaceProfileKeys('[a]\naws_access_key_id=AKIA\n[a]\naws_secret_access_key=s\n', 'a', keys), /more than once/);
    assert.throws(() => replaceProfileKeys('[a]\naws_access_key_id=AKIA\n', 'a', keys), /no aws_secret_access_key/);
    assert.throws(() => replaceProfileKeys('[a]\n# aws_access_key_id=AKIA\naws_secret_access_key=s\n', 'a', keys), /no aws_access_key_id/);
  });
});

describe('credentials file on disk: atomic write, mode 0600, backup', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'iamkeys-cred-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('writes the new keys with mode 0600, keeps the old content as a 0600 backup, leaves no temp file', async () => {
    const file = path.join(dir, 'credentials');
    const original = '# mine\r\n[dev]\r\naws_access_key_id = AKIAOLDOLDOLDOLDOLD1\r\naws_secret_access_key = oldsecret\r\naws_session_token = tok\r\n\r\n[other]\r\naws_access_key_id=AKIAOTHER\r\n';
    await fs.writeFile(file, original, { mode: 0o644 });
    await withCredentialsFileLock(file, (lock) => writeProfileKeys(lock, 'dev', { accessKeyId: 'AKIANEWNEWNEWNEWNEW1', secret: new SecretText('newsecret') }, { backup: true }), { waitMs: 0 });
    assert.equal(
      await fs.readFile(file, 'utf8'),
      '# mine\r\n[dev]\r\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\r\naws_secret_access_key = newsecret\r\n\r\n[other]\r\naws_access_key_id=AKIAOTHER\r\n',
    );
    assert.equal((await fs.stat(file)).mode & 0o777, 0o600);
    assert.equal(await fs.readFile(backupPathOf(file), 'utf8'), original);
    assert.equal((await fs.stat(backupPathOf(file))).mode & 0o777, 0o600);
    assert.deepEqual((await fs.readdir(dir)).sort(), ['credentials', 'credentials.iamkeys-backup']);
    const read = await readKeysFromFile(file, 'dev');
    assert.equal(read.accessKeyId, 'AKIANEWNEWNEWNEWNEW1');
  });

  it('a rollback write leaves the backup alone; a symlinked file stays a symlink', async () => {
    const real = path.join(dir, 'real-credentials');
    const link = path.join(dir, 'credentials');
    await fs.writeFile(real, '[dev]\naws_access_key_id=AKIAONE\naws_secret_access_key=one\n');
    await fs.symlink(real, link);
    await withCredentialsFileLock(link, (lock) => writeProfileKeys(lock, 'dev', { accessKeyId: 'AKIATWO', secret: new SecretText('two') }, { backup: true }), { waitMs: 0 });
    await withCredentialsFileLock(link, (lock) => writeProfileKeys(lock, 'dev', { accessKeyId: 'AKIAONE', secret: new SecretText('one') }, { backup: false }), { waitMs: 0 });
    assert.ok((await fs.lstat(link)).isSymbolicLink());
    assert.equal(await fs.readFile(real, 'utf8'), '[dev]\naws_access_key_id=AKIAONE\naws_secret_access_key=one\n');
    assert.equal(await fs.readFile(backupPathOf(link), 'utf8'), '[dev]\naws_access_key_id=AKIAONE\naws_secret_access_key=one\n');
  });

  it('credentialsFilePath: AWS_SHARED_CREDENTIALS_FILE (with ~), else ~/.aws/credentials', () => {
    assert.equal(credentialsFilePath({ AWS_SHARED_CREDENTIALS_FILE: '/x/c' }, '/home/u'), '/x/c');
    assert.equal(credentialsFilePath({ AWS_SHARED_CREDENTIALS_FILE: '~/c' }, '/home/u'), '/home/u/c');
    assert.equal(credentialsFilePath({}, '/home/u'), '/home/u/.aws/credentials');
  });

  it('SecretText never shows its value in String, JSON or inspect', async () => {
    const { inspect } = await import('node:util');
    const s = new SecretText('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    const shown = [String(s), `${s}`, JSON.stringify({ s }), inspect(s), inspect({ nested: { s } })].join(' ');
    assert.ok(!shown.includes('wJalr'), shown);
    assert.equal(s.reveal(), 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  });
});
