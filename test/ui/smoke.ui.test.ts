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

  it('opens the container and shows the profile with the unreachable endpoint as a network error', async () => {
    await wb().openContainer();
    await wb().treeItem('smoke', { exact: true }).waitFor();
    // Nobody listens on port 9: the profile's row says so, classified, instead of loading forever.
    await wb().treeItem(/Network error/).waitFor({ timeout: 30_000 });
    const file = await wb().screenshot('smoke-container');
    // A picture of the whole page: a PNG as large as the viewport (its IHDR width and height).
    const png = fs.readFileSync(file);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1280, 800]);
  });
});
