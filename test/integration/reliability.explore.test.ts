import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { startSession, children, childByLabel, label, item, isLoadMore, delay } from './fixture';

describe('Reliability explore', function () {
  this.timeout(120_000);
  it('env', async () => {
    console.log('argv', JSON.stringify(process.argv));
    console.log('env', JSON.stringify(Object.fromEntries(Object.entries(process.env).filter(([k]) => /VSCODE|CODE|LOG|ELECTRON/.test(k)))));
    console.log('node', process.version, 'gc', typeof (globalThis as any).gc, process.execArgv);
    console.log('loglevel', vscode.env.logLevel);
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'trace');
    await delay(200);
    console.log('loglevel after', vscode.env.logLevel);
    const s = await startSession({ users: 5 });
    const [root] = await children(s.api);
    const users = await childByLabel(s.api, root, 'Users');
    await children(s.api, users);
    await delay(1500);
    const find = (dir: string, depth: number, out: string[]) => { if (depth < 0) return; let es: fs.Dirent[] = []; try { es = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; } for (const e of es) { const f = path.join(dir, e.name); if (e.isDirectory()) find(f, depth - 1, out); else if (/IAM|iam-keys/i.test(f)) out.push(f); } };
    const out: string[] = [];
    for (const d of fs.readdirSync('/tmp').filter((n) => n.startsWith('iamkeys-cs-'))) find(path.join('/tmp', d), 9, out);
    console.log('files', JSON.stringify(out));
    for (const f of out) if (f.endsWith('.log')) console.log('--', f, fs.readFileSync(f, 'utf8').slice(0, 1500));
    console.log('docs', vscode.workspace.textDocuments.map((d) => d.uri.toString()).join('\n'));
    await s.close();
  });
});
