// The in-host half of reading workbench text (test/support/workbenchCapture.ts): asks the
// Node side, which reads the page, for what a notification, the quick input or the status bar
// shows now, and waits for its answer.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import { CAPTURE_DIR_ENV, captureFile, captureRequestLine, type CaptureKind, type CapturedText } from '../support/workbenchCapture';
import { until } from '../support/wait';

export async function workbenchText(name: string, kind: CaptureKind): Promise<CapturedText[]> {
  const dir = process.env[CAPTURE_DIR_ENV];
  assert.ok(dir, `${CAPTURE_DIR_ENV} is not set: this suite runs from test/host/pseudoLocaleRun.ts`);
  const file = captureFile(dir, name);
  console.log(captureRequestLine(name, kind));
  await until(() => fs.existsSync(file), `the page's ${kind} text for "${name}"`, 30_000, 50);
  const answer = JSON.parse(fs.readFileSync(file, 'utf8')) as { texts: CapturedText[]; error?: string };
  assert.equal(answer.error, undefined, `reading the ${kind} of "${name}": ${answer.error}; seen: ${JSON.stringify(answer.texts)}`);
  return answer.texts;
}
