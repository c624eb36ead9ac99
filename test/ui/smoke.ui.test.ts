// UI smoke: the IAM Access Keys container opens in the real workbench and shows a row.
// Self-contained on purpose (no emulator): a fake profile and an endpoint nobody listens on
// are enough for the explorer to show its profile root.
import * as assert from 'assert';
import * as fs from 'fs';
import { useWorkbench } from './workbench';

describe('UI smoke: IAM Access Keys container', () => {
  const wb = useWorkbench({
    userSettings: { 'iamKeys.profile': 'smoke', 'iamKeys.endpoint': 'http://127.0.0.1:9', 'iamKeys.requestTimeoutSeconds': 2 },
    awsConfig: '[profile smoke]\nregion = us-east-1\n',
    awsCredentials: '[smoke]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = not-a-real-secret\n',
  });

  it('opens the container and shows a tree row', async () => {
    await wb().openContainer();
    await wb().tree.getByRole('treeitem').first().waitFor();
    assert.ok((await wb().tree.getByRole('treeitem').count()) > 0);
    const file = await wb().screenshot('smoke-container');
    assert.ok(fs.statSync(file).size > 0);
  });
});
