import * as fs from 'fs';
import * as vscode from 'vscode';
import * as dc from 'diagnostics_channel';
import { startSession, children, childByLabel, delay, label, item, isLoadMore, configure, writeAwsFiles } from './fixture';
import type { IamKeysApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import { credentialsFileText } from '../emulator/identities';

async function users(api: IamKeysApi): Promise<ExplorerNode> {
  const [root] = await children(api);
  return childByLabel(api, root, 'Users');
}
function show(api: IamKeysApi, rows: ExplorerNode[]): string {
  const r = rows.filter((x) => item(api, x).contextValue !== 'pagedList.user');
  return `${rows.length} rows; non-user: ${r.map((x) => `${label(api, x)} | ${item(api, x).description} | ${item(api, x).tooltip} | ${item(api, x).command?.command}`).join(' ;; ')}`;
}

describe('Reliability explore', function () {
  this.timeout(300_000);
  for (const [name, faults, timeout] of [
    ['html', { garbageRate: 1, garbageKind: 'html' }, 15],
    ['truncated', { garbageRate: 1, garbageKind: 'truncated-xml' }, 15],
    ['drop', { dropRate: 1 }, 15],
    ['5xx', { serverErrorRate: 1, serverErrorStatus: 'mixed' }, 15],
    ['hang', { hangRate: 1 }, 2],
    ['slowloris-never', { slowLorisRate: 1, slowLorisNeverFinish: true }, 2],
  ] as const) {
    it(name, async () => {
      const s = await startSession({ users: 250 }, { requestTimeoutSeconds: timeout });
      const u = await users(s.api);
      let rows = await children(s.api, u);
      s.emulator.setFaults({ ...faults, faultActions: ['ListUsers'] } as any);
      s.emulator.resetCounters();
      const t0 = Date.now();
      const r = await vscode.commands.executeCommand('iamKeys.loadMore', rows.find((x) => isLoadMore(s.api, x)));
      rows = await children(s.api, u);
      console.log('EXPLORE', name, Date.now() - t0, 'ms', JSON.stringify(r), JSON.stringify(s.emulator.counters()), show(s.api, rows));
      s.emulator.setFaults({ garbageRate: 0, dropRate: 0, serverErrorRate: 0, hangRate: 0, slowLorisRate: 0 });
      await s.close();
    });
  }
  it('creds', async () => {
    const s = await startSession({ users: 5 });
    const u = await users(s.api);
    await children(s.api, u);
    const creds = process.env.AWS_SHARED_CREDENTIALS_FILE!;
    fs.writeFileSync(creds, credentialsFileText().replace('TESTONLY/emulator/admin/notARealSecret00', 'TESTONLY/emulator/admin/WRONGSECRETxxxxxxxx'));
    await vscode.commands.executeCommand('iamKeys.refresh', u);
    console.log('EXPLORE creds node-refresh', show(s.api, await children(s.api, u)));
    await vscode.commands.executeCommand('iamKeys.refresh');
    const [root] = await children(s.api);
    const rr = await children(s.api, root);
    console.log('EXPLORE creds full-refresh', show(s.api, rr), JSON.stringify(s.emulator.counters().errorsByCode));
    fs.writeFileSync(creds, credentialsFileText());
    const cmd = item(s.api, rr[0]).command!;
    await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
    console.log('EXPLORE creds after row click', show(s.api, await children(s.api, root)));
    await vscode.commands.executeCommand('iamKeys.refresh');
    const [root2] = await children(s.api);
    console.log('EXPLORE creds after full refresh', show(s.api, await children(s.api, root2)));
    await s.close();
  });
  it('bad endpoint', async () => {
    const seen: string[] = [];
    const onReq = (m: any) => seen.push(`${m.request.method} ${m.request.host}${m.request.path}`);
    dc.subscribe('http.client.request.start', onReq);
    const s = await startSession({ users: 5 });
    await children(s.api, await users(s.api));
    console.log('EXPLORE seen-before', JSON.stringify(seen.slice(0, 3)));
    seen.length = 0;
    await configure({ endpoint: 'http://example.com:4566' });
    await delay(300);
    console.log('EXPLORE msg', s.api.treeView.message, s.api.settings.current.endpoint);
    const [root] = await children(s.api);
    const rr = await children(s.api, root);
    console.log('EXPLORE bad-endpoint rows', show(s.api, rr));
    console.log('EXPLORE seen', JSON.stringify(seen));
    dc.unsubscribe('http.client.request.start', onReq);
    await s.close();
    writeAwsFiles();
  });
  it('switch endpoint mid-load', async () => {
    const a = await startSession({ users: 50, seed: 1, latencyMs: 1500 });
    const b = await startSession({ users: 7, seed: 2 });
    await configure({ endpoint: a.emulator.url });
    await delay(200);
    const u = await users(a.api);
    a.emulator.resetCounters();
    const pending = children(a.api, u);
    await delay(300);
    await configure({ endpoint: b.emulator.url });
    await delay(200);
    const old = await pending;
    console.log('EXPLORE old rows', old.length, label(a.api, old[0]));
    await delay(4000);
    console.log('EXPLORE a counters after switch', JSON.stringify(a.emulator.counters().byAction));
    const nu = await children(a.api, await users(a.api));
    console.log('EXPLORE new rows', nu.length, nu.map((x) => label(a.api, x)).slice(0, 3));
    await b.close();
    await a.close();
  });
});
