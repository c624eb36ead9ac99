// iamKeys.scanGitHistory in the extension host, on a real git repository the test makes (a key
// committed then removed, a branch, a merge), graded against the local IAM endpoint with the
// keys' live statuses: what the command answers, and the lookups it cost (each key once, a
// canary token never).
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { EMULATOR_ACCOUNT_ID } from '../emulator/index';
import { makeSecretAccessKey } from '../emulator/keyIds';
import { SeededRandom } from '../emulator/random';
import { TestRepo } from '../support/gitRepo';
import { type Session, callsAbout, startSession } from './fixture';

const CANARY = 'AKIAQYLPMN5HHHFPZAM2'; // canarytokens.org (account 052310077262)
const LOOKUP_ACTIONS = ['GetAccessKeyLastUsed', 'ListAccessKeys', 'GetAccessKeyInfo'];

interface Answer {
  commits: number;
  truncated: boolean;
  cancelled: boolean;
  findings: Array<{ commit: string; author: string; path: string; line: number; kind: string; severity: string; accessKeyId?: string; status?: string; userName?: string; account?: string; stillInHead: boolean; message: string }>;
}

describe('git history scan: leaked keys in a real repository, graded live', function () {
  this.timeout(60_000);
  let session: Session;
  let repo: TestRepo;
  let active: string;
  let inactive: string;
  let deleted: string;
  let activeUser: string;
  const secret = makeSecretAccessKey(new SeededRandom(707));
  const commits: Record<string, string> = {};

  before(async () => {
    session = await startSession({ users: 6, seed: 41 }, { 'hover.maxLookupsPerMinute': 600 });
    const store = session.emulator.store;
    const [u1, u2] = store.users().filter((u) => u.userName !== 'demo-admin' && u.userName !== 'limited-auditor');
    activeUser = u1!.userName;
    active = store.addAccessKey(activeUser, { status: 'Active' }).accessKeyId;
    inactive = store.addAccessKey(u2!.userName, { status: 'Inactive' }).accessKeyId;
    deleted = store.addAccessKey(u2!.userName).accessKeyId;
    store.deleteAccessKey(deleted);

    repo = TestRepo.create();
    repo.write('README.md', '# service\n');
    commits.initial = repo.commit('initial');
    repo.write('config/dev.env', `AWS_ACCESS_KEY_ID=${active}\nAWS_SECRET_ACCESS_KEY=${secret}\n`);
    commits.leak = repo.commit('dev credentials');
    repo.deleteFile('config/dev.env');
    commits.removed = repo.commit('remove credentials');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('deploy/ci.yaml', `env:\n  old_key: ${inactive}\n`);
    commits.feature = repo.commit('ci');
    repo.git('checkout', '-q', 'main');
    repo.write('docs/notes.md', `Old key ${deleted} (gone).\nA tripwire: ${CANARY}\n`);
    commits.notes = repo.commit('notes');
    repo.git('merge', '-q', '--no-ff', '-m', 'merge feature', 'feature');
    session.emulator.resetCounters();
  });

  after(async () => {
    repo?.dispose();
    await session?.close();
  });

  it('answers each finding with its first commit, line, live status and whether HEAD still has it; looks each key up once, the canary never', async () => {
    const answer = (await vscode.commands.executeCommand('iamKeys.scanGitHistory', { repository: repo.dir })) as Answer;
    assert.equal(answer.commits, 6);
    assert.equal(answer.truncated, false);
    assert.equal(answer.cancelled, false);
    const rows = answer.findings.map((f) => `${f.commit === commits.leak ? 'leak' : f.commit === commits.feature ? 'feature' : f.commit === commits.notes ? 'notes' : f.commit} ${f.path}:${f.line} ${f.kind} ${f.severity} ${f.accessKeyId ?? '-'} ${f.status ?? '-'} ${f.stillInHead ? 'in HEAD' : 'history only'}`);
    assert.deepEqual(rows, [
      `leak config/dev.env:1 access-key-id error ${active} Active history only`,
      `leak config/dev.env:2 secret-access-key error ${active} Active history only`,
      `feature deploy/ci.yaml:2 access-key-id warning ${inactive} Inactive in HEAD`,
      `notes docs/notes.md:1 access-key-id hint ${deleted} not-found in HEAD`,
      `notes docs/notes.md:2 access-key-id warning ${CANARY} canary in HEAD`,
    ]);
    const first = answer.findings[0]!;
    assert.deepEqual([first.author, first.account, first.userName], ['Test Author', EMULATOR_ACCOUNT_ID, activeUser]);
    assert.equal(answer.findings[4]!.message, 'Canary token (canarytokens.org, account 052310077262): using it alerts its owner');
    for (const f of answer.findings) assert.ok(!f.message.includes(secret), 'no message holds the secret');
    for (const id of [active, inactive]) assert.equal(callsAbout(session.emulator, 'GetAccessKeyLastUsed', id), 1, `${id} looked up once`);
    for (const action of LOOKUP_ACTIONS) assert.equal(callsAbout(session.emulator, action, CANARY), 0, `the canary was never asked about (${action})`);
  });

  it('a revision that does not exist is named as such, with no git text in the notification', async () => {
    const answer = await vscode.commands.executeCommand('iamKeys.scanGitHistory', { repository: repo.dir, rev: 'no-such-branch' });
    assert.equal(answer, undefined);
    const invalid = await vscode.commands.executeCommand('iamKeys.scanGitHistory', { repository: repo.dir, rev: '--output=/tmp/x' });
    assert.equal(invalid, undefined);
  });
});
