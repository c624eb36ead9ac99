// In the explorer a key's row is the key's record (#22 memory): the list row that shows it marks
// it (`shownIn`), and a command given that record finds the key and its session there. Records
// come from the real SDK over HTTP to the local IAM endpoint; the list row is a stand-in with
// the resource a user's row carries (the tree itself needs the editor).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ConnectionSession } from '../../src/aws/connectionSession';
import type { SessionRegistry } from '../../src/aws/sessionRegistry';
import type { AccessKey } from '../../src/core/types';
import { AccountModels } from '../../src/model/accountModels';
import { resourceOf, resourceOfKind, type RowResource } from '../../src/model/rowResource';
import { credentialsFileText } from '../emulator/identities';
import { BUILT_IN_IDENTITIES, startIamEmulator, type IamEmulator } from '../emulator/index';
import { isolateThisProcess } from '../support/awsEnv';
import { emulatorSessionRegistry } from '../support/emulatorSessions';

const PROFILE = BUILT_IN_IDENTITIES.caller.profile;
const DANA_KEYS = ['AKIAKEYROWSDANA00001', 'AKIAKEYROWSDANA00002'];

type ShownKey = AccessKey & { shownIn?: unknown };

describe('model: a key row is its record', function () {
  this.timeout(30_000);
  let emulator: IamEmulator;
  let registry: SessionRegistry;
  let models: AccountModels;
  let session: ConnectionSession;
  let keys: readonly ShownKey[];

  before(async () => {
    emulator = await startIamEmulator({ port: 0, users: 0 });
    emulator.store.addUser({ userName: 'dana' });
    for (const accessKeyId of DANA_KEYS) emulator.store.addAccessKey('dana', { accessKeyId });
    isolateThisProcess(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-keyrows-')), { awsCredentials: credentialsFileText() });
    registry = emulatorSessionRegistry(emulator.url, [PROFILE]);
    models = new AccountModels(() => 100);
    const main = await registry.main();
    assert.ok(main);
    session = main;
    const list = models.of(session).keysOf('dana');
    assert.equal((await list.loadNext()).kind, 'loaded');
    keys = list.loaded;
    assert.deepEqual(keys.map((key) => key.AccessKeyId).sort(), DANA_KEYS);
  });
  after(async () => {
    models.clear();
    registry.dispose();
    await emulator.close();
  });

  /** What a user's row carries, as the tree's UserNode does. */
  const userRow = (): { readonly resource: RowResource } => ({
    resource: { kind: 'user', user: { UserName: 'dana', UserId: 'AIDADANA', Arn: 'arn:aws:iam::123456789012:user/dana', Path: '/', CreateDate: new Date(0) }, session },
  });

  it('a record a list row showed is a key target in that row\'s session; one no row showed is none', () => {
    const [shown, notShown] = keys;
    shown!.shownIn = userRow();
    assert.deepEqual(resourceOfKind(shown, 'key'), { kind: 'key', key: shown, session });
    assert.equal(resourceOf(notShown), undefined);
  });

  it('the row mark neither prints nor spreads with the key', () => {
    const key = keys[0]!;
    key.shownIn = userRow();
    assert.deepEqual(JSON.parse(JSON.stringify(key)), { UserName: 'dana', AccessKeyId: key.AccessKeyId, Status: 'Active', CreateDate: key.CreateDate.toISOString() });
    assert.deepEqual(Object.keys(key).sort(), ['AccessKeyId', 'UserName']);
    assert.equal('shownIn' in { ...key }, false);
  });

  it('an argument that names itself as its own row is no target (no endless lookup)', () => {
    const arg: Record<string, unknown> = { AccessKeyId: DANA_KEYS[0] };
    arg.shownIn = arg;
    assert.equal(resourceOf(arg), undefined);
  });
});
