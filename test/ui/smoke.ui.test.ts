// UI smoke: the IAM Access Keys container opens in the real workbench and shows a row.
import * as assert from 'assert';
import * as fs from 'fs';
import { useWorkbench } from './workbench';

describe('UI smoke: IAM Access Keys container', () => {
  const wb = useWorkbench();

  it('opens the container and shows a tree row', async () => {
    await wb().openContainer();
    await wb().tree.getByRole('treeitem').first().waitFor();
    assert.ok((await wb().tree.getByRole('treeitem').count()) > 0);
    const file = await wb().screenshot('smoke-container');
    assert.ok(fs.statSync(file).size > 0);
  });
});
