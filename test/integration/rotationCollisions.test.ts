// Rotations that meet, in the real host against the local IAM endpoint (issue #21 item 2): two
// Rotate Access Key commands on one profile at once (two clicks), a second window rotating the
// same profile (a process of its own sharing the lock on disk), two profiles of one file
// rotated together; and Create Access Key into a profile: a name that would inject a section
// is refused, an existing profile is replaced only with a confirmation naming it.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { readProfileKeys } from '../../src/core/credentialsFile';
import { CALLER_USER_NAME, LIMITED_USER_NAME } from '../emulator/identities';
import { MessageWatch } from '../support/reliabilityHarness';
import { rotateInAnotherProcess } from '../support/rotateInAnotherProcess';
import { until } from '../support/wait';
import { useRotationSession } from '../support/rotationSession';
import { PROFILES, type Session } from './fixture';

const ROTATE = 'iamKeys.rotateAccessKey';

describe('Rotations that meet, and Create Access Key into a profile (real host, local endpoint)', function () {
  this.timeout(120_000);
  const rotation = useRotationSession({ seed: 21, faults: { propagationDelayMs: 300 } }, () => new MessageWatch());
  let session: Session;
  let messages: MessageWatch;
  let credentialsFile: string;
  beforeEach(() => {
    ({ session, watch: messages, credentialsFile } = rotation());
  });

  async function endpointKeys(userName: string): Promise<Record<string, string>> {
    const response = await fetch(`${session.emulator.url}/__admin/keys/${encodeURIComponent(userName)}`);
    assert.equal(response.status, 200);
    const keys = (await response.json()) as Array<{ accessKeyId: string; status: string }>;
    return Object.fromEntries(keys.map((k) => [k.accessKeyId, k.status]));
  }
  function fileKey(profile: string): string {
    const read = readProfileKeys(fs.readFileSync(credentialsFile, 'utf8'), profile);
    assert.ok(read.ok, `the file holds keys for ${profile}`);
    return read.keys.accessKeyId;
  }
  /** Exactly one Active key, the one in the file; no key written in the file was deleted. */
  async function assertOneWorkingKey(profile: string, userName: string): Promise<string> {
    const keys = await endpointKeys(userName);
    const active = Object.keys(keys).filter((id) => keys[id] === 'Active');
    assert.equal(active.length, 1, `exactly one Active key: ${JSON.stringify(keys)}`);
    assert.equal(fileKey(profile), active[0], 'the Active key is the one in the file');
    const text = fs.readFileSync(credentialsFile, 'utf8');
    const deleted = session.emulator.writeLog().filter((w) => w.action === 'DeleteAccessKey' && w.accessKeyId && text.includes(w.accessKeyId));
    assert.deepEqual(deleted, [], 'no key the file holds was deleted');
    return active[0];
  }
  const said = (): string => messages.shown.map((m) => `${m.kind}: ${m.text}`).join(' | ');

  it('two Rotate Access Key commands on one profile at once: one rotates, the other is told a rotation is in progress; one Active key, the one in the file', async () => {
    const results = await Promise.all([
      vscode.commands.executeCommand<Record<string, unknown> | undefined>(ROTATE, { profile: PROFILES.admin, confirm: true }),
      vscode.commands.executeCommand<Record<string, unknown> | undefined>(ROTATE, { profile: PROFILES.admin, confirm: true }),
    ]);
    const rotated = results.filter((r) => r !== undefined);
    assert.equal(rotated.length, 1, `one command rotated: ${said()}`);
    assert.ok(
      messages.texts('showWarningMessage').includes(`A rotation of ${PROFILES.admin} is in progress; this one was not started (nothing was changed). Its own message says how it ended.`),
      said(),
    );
    const kept = await assertOneWorkingKey(PROFILES.admin, CALLER_USER_NAME);
    assert.equal(rotated[0]?.newAccessKeyId, kept);
    assert.equal(session.emulator.writeLog().filter((w) => w.action === 'CreateAccessKey').length, 1, 'one CreateAccessKey');
  });

  it('a second window rotating the same profile (its own process, the same lock on disk): the command started meanwhile is told at once that a rotation is in progress, and changes nothing', async () => {
    const otherJournal = fs.mkdtempSync(path.join(path.dirname(credentialsFile), 'other-window-'));
    const theirs = rotateInAnotherProcess({ endpoint: session.emulator.url, credentialsFile, profile: PROFILES.admin, journalDir: otherJournal });
    await until(() => fs.readdirSync(otherJournal).length > 0, 'the other window to start its rotation', 30_000, 20);
    const mine = await vscode.commands.executeCommand<Record<string, unknown> | undefined>(ROTATE, { profile: PROFILES.admin, confirm: true });
    assert.equal(mine, undefined, said());
    assert.ok(messages.texts('showWarningMessage').includes(`A rotation of ${PROFILES.admin} is in progress in another window; this one was not started (nothing was changed).`), said());
    const other = await theirs;
    assert.equal(other.kind, 'rotated', other.message);
    await assertOneWorkingKey(PROFILES.admin, CALLER_USER_NAME);
    assert.equal(session.emulator.writeLog().filter((w) => w.action === 'CreateAccessKey').length, 1, "one CreateAccessKey, the other window's");
  });

  it('two profiles of one file rotated together (three rounds, old keys deleted): both end rotated each time, neither undone', async () => {
    for (let round = 1; round <= 3; round++) {
      const [admin, limited] = await Promise.all([
        vscode.commands.executeCommand<Record<string, unknown> | undefined>(ROTATE, { profile: PROFILES.admin, confirm: true, deleteOld: true }),
        vscode.commands.executeCommand<Record<string, unknown> | undefined>(ROTATE, { profile: PROFILES.limited, confirm: true, deleteOld: true }),
      ]);
      assert.ok(admin && limited, `round ${round}: both rotated: ${said()}`);
      assert.equal(await assertOneWorkingKey(PROFILES.admin, CALLER_USER_NAME), admin.newAccessKeyId);
      assert.equal(await assertOneWorkingKey(PROFILES.limited, LIMITED_USER_NAME), limited.newAccessKeyId);
      assert.deepEqual(await endpointKeys(LIMITED_USER_NAME), { [String(limited.newAccessKeyId)]: 'Active' });
    }
    assert.ok(!messages.texts().some((t) => /undone/.test(t)), said());
  });

  it('Create Access Key into a profile: a name that would inject a section is refused before any call; an existing profile needs overwrite naming it', async () => {
    const before = fs.readFileSync(credentialsFile, 'utf8');
    assert.equal(await vscode.commands.executeCommand('iamKeys.createAccessKey', { profile: 'scratch]\n[default' }), undefined);
    assert.equal(
      messages.texts('showErrorMessage').at(-1),
      'No key was created: The profile name "scratch]\\n[default" holds a line break: it would start another section of the credentials file.',
    );
    assert.equal(await vscode.commands.executeCommand('iamKeys.createAccessKey', { profile: PROFILES.limited, overwrite: true }), undefined);
    assert.equal(
      messages.texts('showErrorMessage').at(-1),
      `No key was created: the profile ${PROFILES.limited} exists; to replace its keys, pass overwrite: "${PROFILES.limited}" (its name).`,
    );
    assert.equal(fs.readFileSync(credentialsFile, 'utf8'), before, 'the file is untouched');
    assert.deepEqual(session.emulator.writeLog(), [], 'no CreateAccessKey was sent');

    const created = await vscode.commands.executeCommand<Record<string, unknown> | undefined>('iamKeys.createAccessKey', { profile: PROFILES.limited, overwrite: PROFILES.limited });
    assert.ok(created, said());
    assert.equal(fileKey(PROFILES.limited), created.accessKeyId);
    assert.equal(fs.readFileSync(`${credentialsFile}.iamkeys-backup`, 'utf8'), before);
  });
});
