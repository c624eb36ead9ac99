// What the account model retains per loaded key (#22: 100 accounts × 1,000 keys must fit the
// editor): users and their keys listed over the real SDK and HTTP from the local IAM endpoint,
// through AccountModel's lists and the session's loaded-key index, as heap used after full
// collections, in a child process (test/support/modelMemoryChild.ts). The whole tree's figure,
// rows included, is the bench's (test/bench/modelMemory.ts, docs/benchmarks.md).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { credentialsFileText } from '../emulator/identities';
import { BUILT_IN_IDENTITIES, startIamEmulator, type IamEmulator } from '../emulator/index';
import { isolateThisProcess } from '../support/awsEnv';

const USERS = 1000;
/** IAM's limit: two keys a user. */
const KEYS_PER_USER = 2;
/**
 * Per key, with its share of its user, its list and the index: 429 B measured (Node 20); 744 B
 * with a Date per key and user, a closure per list, 16 spare slots per one-page list and a
 * status and user-name string per key.
 */
const MAX_BYTES_PER_KEY = 500;

describe('model memory: keys loaded through the model', function () {
  this.timeout(120_000);
  let emulator: IamEmulator;

  before(async () => {
    emulator = await startIamEmulator({ port: 0, users: 0 });
    for (let u = 0; u < USERS; u++) {
      const userName = `user-${String(u).padStart(4, '0')}`;
      emulator.store.addUser({ userName });
      for (let k = 0; k < KEYS_PER_USER; k++) emulator.store.addAccessKey(userName, { createDate: new Date(Date.UTC(2026, 0, 1 + (u % 28), k, u % 60)) });
    }
    isolateThisProcess(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-model-memory-')), { awsCredentials: credentialsFileText() });
  });
  after(async () => {
    await emulator.close();
  });

  it(`${USERS * KEYS_PER_USER} keys of ${USERS} users cost at most ${MAX_BYTES_PER_KEY} bytes of heap each, lists and index included`, async () => {
    const child = path.join(__dirname, '../support/modelMemoryChild.js');
    const spec = JSON.stringify({ url: emulator.url, profile: BUILT_IN_IDENTITIES.caller.profile });
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--no-opt', '--no-sparkplug', child, spec], { env: process.env });
    const result = JSON.parse(stdout) as { keys: number; indexed: number; bytesPerKey: number };
    // The seeded users' keys and the signing user's own.
    assert.equal(result.keys, emulator.store.users().reduce((n, user) => n + user.accessKeys.length, 0));
    assert.equal(result.indexed, result.keys, 'the index holds every key loaded');
    assert.ok(result.bytesPerKey <= MAX_BYTES_PER_KEY, `${result.bytesPerKey} bytes of heap per loaded key (at most ${MAX_BYTES_PER_KEY})`);
  });
});
