// Runs inside the extension host (extensionTestsPath) after vsixInstall.ts installed the .vsix
// with `code-server --install-extension`: checks that the installed copy, not a development
// one, activates on its own activation event and loads dist/features.js and dist/sdk.js from the
// package on the first command and AWS call. Ends with the IAMKEYS_TEST_RESULT line.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { resultLine } from './results';

const EXTENSION_ID = 'iam-keys-team.iam-access-keys';
const REPO_ROOT = path.resolve(__dirname, '../../..');

async function waitFor(what: string, condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every file under `dir`, relative, with forward slashes. */
function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

function installed(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this host`);
  return extension;
}

const checks: [string, () => Promise<void>][] = [
  ['the extension is the installed package, not the repository', async () => {
    const dir = installed().extensionUri.fsPath;
    assert.ok(!path.resolve(dir).startsWith(REPO_ROOT), `loaded from ${dir}`);
    assert.ok(fs.existsSync(path.join(dir, 'dist', 'extension.js')), 'dist/extension.js shipped');
    assert.ok(fs.existsSync(path.join(dir, 'dist', 'sdk.js')), 'dist/sdk.js shipped');
    assert.ok(fs.existsSync(path.join(dir, 'dist', 'features.js')), 'dist/features.js shipped');
    // The pre-commit hook iamKeys.installPreCommitHook copies: a node script with its marker line.
    assert.match(fs.readFileSync(path.join(dir, 'dist', 'pre-commit.js'), 'utf8').slice(0, 300), /^#!\/usr\/bin\/env node\n\/\/ iam-access-keys pre-commit hook/);
    assert.ok(!fs.existsSync(path.join(dir, 'src')), 'no sources shipped');
  }],
  ['only runtime files are shipped: the bundles, media, strings, manifest, README, LICENSE, CHANGELOG', async () => {
    const dir = installed().extensionUri.fsPath;
    const allowed = /^(dist\/(extension|sdk|features|webview|pre-commit)\.js|media\/.+|l10n\/[^/]+\.json|package(\.nls(\.[\w-]+)?)?\.json|README\.md|LICENSE(\.txt)?|CHANGELOG\.md|\.vsixmanifest)$/i;
    const extra = listFiles(dir).filter((file) => !allowed.test(file));
    assert.deepEqual(extra, [], `files that do not run: ${extra.join(', ')}`);
  }],
  ['the packaged README renders: every image is in the package or an absolute https URL', async () => {
    const dir = installed().extensionUri.fsPath;
    // The installed copy names it readme.md (the .vsix's own name).
    const readmeName = fs.readdirSync(dir).find((name) => name.toLowerCase() === 'readme.md');
    assert.ok(readmeName, 'a README in the package');
    const readme = fs.readFileSync(path.join(dir, readmeName), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g), ...readme.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(images.length > 0, 'the README shows the extension');
    for (const image of images) {
      if (/^https:\/\//.test(image)) continue;
      assert.ok(!/^[a-z]+:/i.test(image), `${image}: not https`);
      assert.ok(fs.existsSync(path.join(dir, image)), `${image}: relative, and not in the package`);
    }
    // The images the rewritten URLs point at are in the repository, under the same paths.
    for (const image of images) {
      const local = /\/raw\/HEAD\/(.+)$/.exec(image)?.[1];
      if (local) assert.ok(fs.existsSync(path.join(REPO_ROOT, local)), `${image}: ${local} is not in the repository`);
    }
  }],
  ['the manifest declares a workspace extension, a preview, and walkthrough media that shipped', async () => {
    const manifest = installed().packageJSON as { extensionKind?: string[]; preview?: boolean; contributes: { walkthroughs?: { steps: { media: { markdown?: string } }[] }[] } };
    assert.deepEqual(manifest.extensionKind, ['workspace']);
    assert.equal(manifest.preview, true);
    const media = (manifest.contributes.walkthroughs ?? []).flatMap((w) => w.steps.map((s) => s.media.markdown));
    assert.ok(media.length > 0, 'a walkthrough');
    for (const file of media) assert.ok(file && fs.existsSync(path.join(installed().extensionUri.fsPath, file)), `${file} shipped`);
  }],
  ['it activates on its own (onStartupFinished) and returns its API', async () => {
    const extension = installed();
    await waitFor('activation', () => extension.isActive);
    assert.equal((extension.exports as { version?: unknown } | undefined)?.version, 1, 'activate() returned the API (version 1)');
  }],
  ['the first command loads dist/features.js and dist/sdk.js from the package and gets an answer', async () => {
    const sdkFile = path.join(installed().extensionUri.fsPath, 'dist', 'sdk.js');
    const featuresFile = path.join(installed().extensionUri.fsPath, 'dist', 'features.js');
    const out = (await vscode.commands.executeCommand('iamKeys.listAccessKeys', {})) as { AccessKeyMetadata?: unknown[] } | undefined;
    assert.ok(Array.isArray(out?.AccessKeyMetadata) && out.AccessKeyMetadata.length > 0, `listAccessKeys answered ${JSON.stringify(out)}`);
    assert.ok(require.cache[sdkFile], `${sdkFile} is loaded`);
    assert.ok(require.cache[featuresFile], `${featuresFile} is loaded`);
  }],
];

export async function run(): Promise<void> {
  let passed = 0;
  let failed = 0;
  for (const [name, check] of checks) {
    try {
      await check();
      passed++;
      console.log(`  ✔ vsix: ${name}`);
    } catch (err) {
      failed++;
      console.log(`  ✖ vsix: ${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  console.log(resultLine({ passed, failed, pending: 0 }));
  if (failed > 0) throw new Error(`${failed} .vsix check(s) failed`);
}
