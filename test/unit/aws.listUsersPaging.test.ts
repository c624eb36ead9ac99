// ListUsers through the real SDK client over HTTP to the local IAM endpoint, past page 1: the
// marker a page returns must reach IAM with the next request, or every page is page 1.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createConnection, type Connection } from '../../src/aws/connection';
import { credentialsFileText } from '../emulator/identities';
import { BUILT_IN_IDENTITIES, startIamEmulator, type IamEmulator } from '../emulator/index';
import { isolateThisProcess } from '../support/awsEnv';

describe('aws: listUsers pages with the marker', function () {
  this.timeout(30_000);
  let emulator: IamEmulator;
  let connection: Connection;
  before(async () => {
    emulator = await startIamEmulator({ port: 0, users: 0 });
    for (const userName of ['alice', 'Bob', 'carol', 'dave', 'erin']) emulator.store.addUser({ userName });
    isolateThisProcess(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-paging-')), { awsCredentials: credentialsFileText() });
    connection = createConnection({ profile: BUILT_IN_IDENTITIES.caller.profile, region: 'us-east-1', endpoint: emulator.url, requestTimeoutMs: 5_000, maxAttempts: 1 });
  });
  after(async () => {
    connection.dispose();
    await emulator.close();
  });

  it('page 2 and 3 follow page 1, in name order ignoring case, and the last page has no marker', async () => {
    const names: string[][] = [];
    let marker: string | undefined;
    do {
      const page = await connection.api.listUsers({ maxItems: 3, marker });
      names.push(page.items.map((u) => u.UserName));
      marker = page.nextMarker;
    } while (marker !== undefined && names.length < 5);
    assert.deepEqual(names, [
      ['alice', 'Bob', 'carol'],
      ['dave', 'demo-admin', 'erin'],
      ['limited-auditor'],
    ]);
  });

  it('a page that never comes is given up when its abort signal fires (not left to the request deadline)', async () => {
    emulator.setFaults({ hangRate: 1 });
    try {
      const controller = new AbortController();
      const page = connection.api.listUsers({ maxItems: 3, abortSignal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      const error = await page.then(() => undefined, (e: unknown) => e);
      assert.equal((error as Error | undefined)?.name, 'AbortError');
    } finally {
      emulator.replaceFaults({});
    }
  });
});
