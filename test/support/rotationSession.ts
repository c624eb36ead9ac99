// The in-host twin of useRotationFixture() (rotationFixture.ts): for each test of the calling
// suite, a session on a fresh local IAM endpoint with the fixture's profiles and credentials
// file, write actions allowed and a watch on what the editor shows; all undone after it.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { IamEmulatorOptions } from '../emulator/index';
import { type Session, startSession } from '../integration/fixture';

export interface RotationSession<W> {
  readonly session: Session;
  /** The credentials file the session's profiles are in (AWS_SHARED_CREDENTIALS_FILE). */
  readonly credentialsFile: string;
  /** What `watch` made for this test (a DialogScript, a MessageWatch). */
  readonly watch: W;
}

/** Call the answer inside a test (or a later beforeEach): the session is made anew for each test. */
export function useRotationSession<W extends { dispose(): void }>(emulator: IamEmulatorOptions, watch: () => W): () => RotationSession<W> {
  let current: RotationSession<W> | undefined;
  beforeEach(async () => {
    const session = await startSession(emulator);
    const credentialsFile = process.env.AWS_SHARED_CREDENTIALS_FILE ?? '';
    assert.ok(credentialsFile && fs.existsSync(credentialsFile), 'the session wrote the credentials file');
    await vscode.workspace.getConfiguration('iamKeys').update('allowWriteActions', true, vscode.ConfigurationTarget.Global);
    current = { session, credentialsFile, watch: watch() };
  });
  afterEach(async () => {
    const ending = current;
    current = undefined;
    ending?.watch.dispose();
    await vscode.workspace.getConfiguration('iamKeys').update('allowWriteActions', undefined, vscode.ConfigurationTarget.Global);
    await ending?.session.close();
  });
  return () => {
    if (!current) throw new Error('the rotation session exists only inside a test');
    return current;
  };
}
