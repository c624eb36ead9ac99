// Staged changes in the extension host, on a real git repository the test makes, against the
// local IAM endpoint: the commands install the pre-commit hook (which then blocks a real
// `git commit`), report the staged findings graded by the key's live status, and remove the
// hook; the built-in Git extension's state change flags the staged file in the Problems view.
import * as assert from 'assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { makeSecretAccessKey } from '../emulator/keyIds';
import { SeededRandom } from '../emulator/random';
import { TestRepo } from '../support/gitRepo';
import { extensionLogFile, logLines } from '../support/extensionLogFile';
import { type Session, startSession, workspaceFolder } from './fixture';

/** Resolves once `condition` holds, checked every 50 ms; fails after 20 s. */
async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves once `condition` holds after a change of diagnostics (or already holds); fails after 20 s. */
function diagnosticsChange(condition: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      const log = logLines(extensionLogFile()).filter((line) => /staged/i.test(line));
      reject(new Error(`diagnostics did not change as expected within 20 s; log: ${log.slice(-10).join(' | ')}`));
    }, 20_000);
    const listener = vscode.languages.onDidChangeDiagnostics(() => {
      if (!condition()) return;
      clearTimeout(timer);
      listener.dispose();
      resolve();
    });
  });
}

describe('staged changes: scanStaged and the pre-commit hook commands', function () {
  this.timeout(60_000);
  let session: Session;
  let repo: TestRepo;
  let active: string;
  let userName: string;
  const secret = makeSecretAccessKey(new SeededRandom(2424));

  before(async () => {
    session = await startSession({ users: 4, seed: 24 }, { 'hover.maxLookupsPerMinute': 600 });
    const user = session.emulator.store.users().find((u) => u.userName !== 'demo-admin' && u.userName !== 'limited-auditor');
    userName = user!.userName;
    active = session.emulator.store.addAccessKey(userName, { status: 'Active' }).accessKeyId;
    repo = TestRepo.create('iamkeys-staged-host-');
    repo.write('README.md', 'hello\n');
    repo.git('add', '.');
    repo.git('commit', '-q', '-m', 'first');
  });
  after(async () => {
    repo.dispose();
    await session.close();
  });

  it('install → a commit adding a live key is blocked; scanStaged grades it by its live status; uninstall removes the hook', async () => {
    const installed = (await vscode.commands.executeCommand('iamKeys.installPreCommitHook', { repository: repo.root })) as { hookPath: string };
    assert.equal(installed.hookPath, path.join(repo.root, '.git', 'hooks', 'pre-commit'));

    repo.write('config/dev.env', `# dev\nAWS_ACCESS_KEY_ID=${active}\nAWS_SECRET_ACCESS_KEY=${secret}\n`);
    repo.git('add', '.');
    const result = (await vscode.commands.executeCommand('iamKeys.scanStaged', { repository: repo.root })) as {
      findings: Array<{ path: string; line: number; kind: string; severity: string; accessKeyId?: string; status?: string; userName?: string }>;
    };
    assert.deepEqual(
      result.findings.map((f) => `${f.path}:${f.line} ${f.kind} ${f.severity} ${f.accessKeyId} ${f.status ?? '-'} ${f.userName ?? '-'}`),
      [`config/dev.env:2 access-key-id error ${active} Active ${userName}`, `config/dev.env:3 secret-access-key error ${active} Active ${userName}`],
    );

    const commit = repo.run('commit', '-m', 'dev config');
    assert.equal(commit.status, 1, commit.stderr);
    assert.match(commit.stderr, /config\/dev\.env:2:19: AWS access key ID/);

    const removed = (await vscode.commands.executeCommand('iamKeys.uninstallPreCommitHook', { repository: repo.root })) as { hookPath: string };
    assert.equal(removed.hookPath, installed.hookPath);
    assert.equal(repo.run('commit', '-q', '-m', 'dev config').status, 0, 'without the hook the commit goes through');
  });

  it('the Git extension reports a staged key: "Staged: …" in the Problems view on the file, at its staged line; gone once unstaged', async () => {
    // In the workspace, where the Git extension's file watchers see the index change.
    const inWorkspace = TestRepo.create('staged-git-repo-', workspaceFolder().fsPath);
    cleanups.push(() => inWorkspace.dispose());
    // The watcher starts with the editor features (on the first open document).
    await vscode.workspace.openTextDocument({ content: 'staged changes test' });
    // The test host turns git off (its workspace is no repository): on for this test.
    await vscode.workspace.getConfiguration('git').update('enabled', true, vscode.ConfigurationTarget.Global);
    await until(async () => (await vscode.commands.getCommands(true)).includes('git.openRepository'), 'the Git extension');
    await vscode.commands.executeCommand('git.openRepository', inWorkspace.root);
    const file = vscode.Uri.file(path.join(inWorkspace.root, 'deploy', 'ci.yml'));
    const staged = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(file).filter((d) => d.code === 'staged-leak');
    const flagged = diagnosticsChange(() => staged().length > 0);
    inWorkspace.write('deploy/ci.yml', `env:\n  region: eu-west-1\n  key: ${active}\n`);
    inWorkspace.git('add', 'deploy/ci.yml');
    await flagged;
    assert.deepEqual(staged().map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message.slice(0, 8)}`), [`3:8 ${vscode.DiagnosticSeverity.Error} Staged: `]);
    const cleared = diagnosticsChange(() => staged().length === 0);
    inWorkspace.git('reset', '-q', '--', 'deploy/ci.yml');
    await cleared;
  });

  const cleanups: Array<() => void> = [];
  afterEach(async () => {
    if (vscode.workspace.getConfiguration('git').inspect('enabled')?.globalValue === true) {
      await vscode.workspace.getConfiguration('git').update('enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    for (const cleanup of cleanups.splice(0)) cleanup();
  });
});
