// Rotation reminders in the real host against the local IAM endpoint: the status-bar item for
// the configured profiles' keys past iamKeys.rotationWarningDays (text, tooltip, hidden when
// none, its click), the notification's three buttons (state kept in globalState), the calls it
// costs (one ListAccessKeys per profile per day, counted by the endpoint), and the view's badge.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { BUILT_IN_IDENTITIES, LIMITED_USER_NAME } from '../emulator/identities';
import { DialogScript } from '../support/dialogScript';
import { until } from '../support/wait';
import { PROFILES, type Session, calls, childByLabel, children, configure, startSession, totalCalls } from './fixture';

const DAY_MS = 86_400_000;
const ADMIN_KEY = BUILT_IN_IDENTITIES.caller.credentials.accessKeyId; // 45 days old
const LIMITED_KEY = BUILT_IN_IDENTITIES.limited.credentials.accessKeyId; // 120 days old
const BUTTONS = ['Rotate…', 'Remind me in 7 days', "Don't remind for this key"];

async function allowWrites(on: boolean | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('iamKeys').update('allowWriteActions', on, vscode.ConfigurationTarget.Global);
}

describe('rotation reminders: status bar, notification, badge', function () {
  this.timeout(60_000);
  let session: Session;
  let dialogs: DialogScript;
  let olderKey = '';

  before(async () => {
    // Ages count from today: the built-in keys are 45 (admin) and 120 (limited) days old.
    session = await startSession({ seed: 29, referenceDate: new Date() }, { profiles: [PROFILES.limited], rotationWarningDays: 90 });
    olderKey = session.emulator.store.addAccessKey(LIMITED_USER_NAME, { status: 'Active', createDate: new Date(Date.now() - 200 * DAY_MS) }).accessKeyId;
    session.emulator.resetCounters();
  });
  beforeEach(() => (dialogs = new DialogScript()));
  afterEach(() => dialogs.dispose());
  after(async () => {
    await allowWrites(undefined);
    await session.close();
  });

  it('turned on: one ListAccessKeys per profile, the item names the due keys, one notification per key with its buttons kept in globalState', async () => {
    const { api } = session;
    dialogs.answer(new RegExp(LIMITED_KEY), "Don't remind for this key");
    dialogs.answer(new RegExp(olderKey), 'Remind me in 7 days');
    await configure({ rotationReminders: true });
    await until(() => api.reminders.reminderOf(LIMITED_KEY)?.never === true && api.reminders.reminderOf(olderKey)?.snoozedUntil !== undefined, 'both answers stored');

    assert.deepEqual(api.reminders.statusBar, {
      visible: true,
      text: '$(key) 2 keys to rotate (oldest 200 days)',
      tooltip:
        'Access keys older than 90 days (iamKeys.rotationWarningDays). Click to rotate.\n' +
        `${olderKey} (profile iam-emulator-limited, user limited-auditor): 200 days old\n` +
        `${LIMITED_KEY} (profile iam-emulator-limited, user limited-auditor): 120 days old`,
    });
    const reminders = dialogs.asked.filter((m) => m.kind === 'showWarningMessage');
    assert.deepEqual(
      reminders.map((m) => [m.text, m.buttons]),
      [
        [`The access key ${olderKey} of profile iam-emulator-limited is 200 days old (rotate every 90 days).`, BUTTONS],
        [`The access key ${LIMITED_KEY} of profile iam-emulator-limited is 120 days old (rotate every 90 days).`, BUTTONS],
      ],
    );
    const snoozedFor = Date.parse(api.reminders.reminderOf(olderKey)?.snoozedUntil ?? '') - Date.now();
    assert.ok(snoozedFor > 7 * DAY_MS - 60_000 && snoozedFor <= 7 * DAY_MS, `snoozed for ${snoozedFor} ms`);
    // The admin key (45 days) is not due; each profile listed once, nothing else asked.
    assert.equal(calls(session.emulator, 'ListAccessKeys'), 2);
    assert.equal(totalCalls(session.emulator), 2);

    const again = await api.reminders.check();
    assert.deepEqual(again.reminded, [], 'once a day per key');
    assert.equal(totalCalls(session.emulator), 2, 'the same day lists no profile again');
  });

  it('"Rotate…" runs the rotation for that key\'s profile; the item\'s click does too (a pick when several profiles have due keys)', async () => {
    const { api } = session;
    await allowWrites(true);
    // 30 days makes the admin key due: a first reminder for it, answered "Rotate…".
    dialogs.answer(new RegExp(ADMIN_KEY), 'Rotate…');
    await configure({ rotationWarningDays: 30 });
    await until(() => dialogs.asked.some((m) => m.modal), 'the rotation confirmation');
    assert.deepEqual(
      dialogs.asked.map((m) => [m.kind, m.text, m.modal]),
      [
        ['showWarningMessage', `The access key ${ADMIN_KEY} of profile iam-emulator-admin is 45 days old (rotate every 30 days).`, false],
        ['showWarningMessage', 'Rotate the access key of iam-emulator-admin?', true],
      ],
    );

    // Keys of two profiles due: the click asks which key, then rotates through its profile.
    assert.equal(api.reminders.statusBar.text, '$(key) 3 keys to rotate (oldest 200 days)');
    dialogs.typeInNextPick('', (rows) => rows.find((row) => row.label === LIMITED_KEY));
    await vscode.commands.executeCommand('iamKeys.rotateDueKey');
    assert.deepEqual(dialogs.picks.map((p) => p.rows.map((row) => `${row.label} ${row.description ?? ''}`)), [
      [`${olderKey} profile iam-emulator-limited · 200 days old`, `${LIMITED_KEY} profile iam-emulator-limited · 120 days old`, `${ADMIN_KEY} profile iam-emulator-admin · 45 days old`],
    ]);
    assert.deepEqual(dialogs.texts().at(-1), 'Rotate the access key of iam-emulator-limited?');

    // One profile's keys due: no pick, straight to its confirmation.
    await configure({ rotationWarningDays: 90 });
    await until(() => api.reminders.statusBar.text === '$(key) 2 keys to rotate (oldest 200 days)', 'the item without the admin key');
    const asked = dialogs.asked.length;
    await vscode.commands.executeCommand('iamKeys.rotateDueKey');
    assert.equal(dialogs.picks.length, 1, 'no second pick');
    assert.deepEqual(dialogs.asked.slice(asked).map((m) => m.text), ['Rotate the access key of iam-emulator-limited?']);
    // Each confirmation was cancelled: nothing was written; still two listings in all.
    assert.deepEqual(session.emulator.writeLog(), []);
    assert.equal(calls(session.emulator, 'ListAccessKeys'), 2);
  });

  it('the view badge counts loaded keys needing attention; above every key\'s age the item hides and the badge goes', async () => {
    const { api } = session;
    const limitedRoot = await childByLabel(api, undefined, /limited/);
    await children(api, await childByLabel(api, limitedRoot, 'My access keys'));
    await until(() => api.treeView.badge?.value === 2, `badge 2 (is ${String(api.treeView.badge?.value)})`);
    assert.equal(api.treeView.badge?.tooltip, '2 loaded keys need attention');

    await configure({ rotationWarningDays: 365 });
    await until(() => !api.reminders.statusBar.visible && api.treeView.badge === undefined, 'the item hidden and the badge gone');
  });

  it('a rotation made from elsewhere: once the tree lists the old key as Inactive, the item drops it (no listing of its own)', async () => {
    const { api } = session;
    await configure({ rotationWarningDays: 30 });
    await until(() => api.reminders.statusBar.text === '$(key) 3 keys to rotate (oldest 200 days)', 'the admin key due again');
    const listings = calls(session.emulator, 'ListAccessKeys');
    const result = (await vscode.commands.executeCommand('iamKeys.rotateAccessKey', { profile: PROFILES.admin, confirm: true })) as { oldKeyStatus?: string } | undefined;
    assert.equal(result?.oldKeyStatus, 'Inactive');
    const adminRoot = await childByLabel(api, undefined, /admin/);
    const mine = await children(api, await childByLabel(api, adminRoot, 'My access keys'));
    assert.equal(mine.length, 2, 'the tree lists the old and the new key');
    await until(() => api.reminders.statusBar.text === '$(key) 2 keys to rotate (oldest 200 days)', "the item without the rotated key");
    assert.ok(!api.reminders.statusBar.tooltip.includes(ADMIN_KEY));
    assert.equal(calls(session.emulator, 'ListAccessKeys'), listings + 2, "the rotation's own check and the tree's list, nothing for the reminders");
  });
});
