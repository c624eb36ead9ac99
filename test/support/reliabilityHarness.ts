// Shared helpers of the Reliability and Security in-host suites: tree helpers, watchers of
// requests, rejections and notifications, and the extension's log file. Their self-checks
// (each watcher really sees what it claims to) are in test/integration/reliability.harness.test.ts.
import * as assert from 'assert/strict';
import * as dc from 'diagnostics_channel';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ClientRequest } from 'http';
import type { PagedList } from '../../src/core/pagedList';
import type { IamKeysInternals } from '../../src/extension';
import type { TreeElement } from '../../src/explorer/nodes/treeElement';
import { EXTENSION_ID, childByLabel, children, isLoadMore, item, label } from '../integration/fixture';

/** Regression tests of product bugs this suite found (all fixed); each says file, cause and fix. */
export const knownBug: Mocha.TestFunction = it;

/** Read-only IAM/STS actions; anything else in the emulator's counters is a write. */
export const READ_ONLY_ACTIONS = new Set(['ListUsers', 'GetUser', 'ListAccessKeys', 'GetAccessKeyLastUsed', 'GetCredentialReport', 'GetCallerIdentity', 'GetAccessKeyInfo']);
export const MUTATING_ACTIONS = ['CreateUser', 'DeleteUser', 'CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey', 'GenerateCredentialReport'];

export const EXTENSION_LOG_LEVEL = { trace: 1, info: 3 } as const;

// ---------------------------------------------------------------------------------------------
// Tree helpers

export async function connectionRoot(api: IamKeysInternals): Promise<TreeElement> {
  const [root] = await children(api);
  assert.ok(root, 'the tree has a connection root');
  return root;
}

export async function usersNode(api: IamKeysInternals): Promise<TreeElement> {
  return childByLabel(api, await connectionRoot(api), 'Users');
}

/** The PagedList behind a list node (UsersNode, UserNode, MyKeysNode). */
export function pagedList(node: TreeElement): PagedList<unknown> {
  const list = (node as unknown as { list?: PagedList<unknown> }).list;
  assert.ok(list, `${'id' in node ? node.id : node.AccessKeyId} is a paged list`);
  return list;
}

export function userRows(api: IamKeysInternals, rows: readonly TreeElement[]): string[] {
  return rows.filter((r) => item(api, r).contextValue === 'pagedList.user').map((r) => label(api, r));
}

export function loadMoreRow(api: IamKeysInternals, rows: readonly TreeElement[]): TreeElement | undefined {
  return rows.find((r) => isLoadMore(api, r));
}

/** Rows that are neither list items nor "Load more…": messages and error rows. */
export function messageRows(api: IamKeysInternals, rows: readonly TreeElement[]): TreeElement[] {
  return rows.filter((r) => /^message/.test(item(api, r).contextValue ?? ''));
}

/** Runs the command a row runs when clicked (error rows retry, "Load more…" loads). */
export async function click(api: IamKeysInternals, row: TreeElement): Promise<unknown> {
  const command = item(api, row).command;
  assert.ok(command, `row "${label(api, row)}" has a command`);
  return vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
}

export function tooltipText(tooltip: vscode.TreeItem['tooltip']): string {
  return tooltip === undefined ? '' : typeof tooltip === 'string' ? tooltip : tooltip.value;
}

/** Everything a row shows: label, description, tooltip, accessibility label. */
export function rowText(api: IamKeysInternals, node: TreeElement): string {
  const it = item(api, node);
  const lbl = typeof it.label === 'string' ? it.label : (it.label?.label ?? '');
  return [lbl, String(it.description ?? ''), tooltipText(it.tooltip), it.accessibilityInformation?.label ?? ''].join(' | ');
}

/** Resolves with the promise's value, or rejects saying `what` took longer than `ms`. */
export async function within<T>(promise: Thenable<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms)));
  try {
    return await Promise.race([Promise.resolve(promise), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// Watchers

/** Every HTTP(S) request any code in this process starts (node's diagnostics channel). */
export class RequestWatch {
  readonly requests: { host: string; method: string; path: string }[] = [];
  private readonly listener = (message: unknown): void => {
    const request = (message as { request: ClientRequest }).request;
    this.requests.push({ host: String(request.host ?? request.getHeader('host') ?? ''), method: request.method, path: request.path });
  };
  constructor() {
    dc.subscribe('http.client.request.start', this.listener);
  }
  hosts(): string[] {
    return [...new Set(this.requests.map((r) => r.host))];
  }
  /** Requests to anything but the loopback emulators. */
  external(): string[] {
    return this.requests.filter((r) => !/^(127\.\d+\.\d+\.\d+|localhost|\[?::1\]?)$/.test(r.host)).map((r) => `${r.method} ${r.host}${r.path}`);
  }
  clear(): void {
    this.requests.length = 0;
  }
  dispose(): void {
    dc.unsubscribe('http.client.request.start', this.listener);
  }
}

/** process 'unhandledRejection' and 'uncaughtException' while it is installed. */
export class RejectionWatch {
  readonly rejections: string[] = [];
  private readonly onRejection = (reason: unknown): void => {
    this.rejections.push(reason instanceof Error ? `${reason.name}: ${reason.message}\n${reason.stack ?? ''}` : String(reason));
  };
  constructor() {
    process.on('unhandledRejection', this.onRejection);
    process.on('uncaughtException', this.onRejection);
  }
  dispose(): void {
    process.off('unhandledRejection', this.onRejection);
    process.off('uncaughtException', this.onRejection);
  }
}

type Shower = (...args: unknown[]) => Thenable<unknown>;

/**
 * Records what the extension shows in notifications and the status bar. The extension and the
 * tests share one `vscode` API object (same extension folder), so wrapping its functions here
 * also wraps the extension's calls; the harness self-check proves it.
 */
export class MessageWatch {
  readonly shown: { kind: string; text: string }[] = [];
  private readonly saved: [string, unknown][] = [];
  constructor() {
    const win = vscode.window as unknown as Record<string, unknown>;
    for (const kind of ['showErrorMessage', 'showWarningMessage', 'showInformationMessage', 'setStatusBarMessage']) {
      const original = win[kind] as Shower;
      this.saved.push([kind, original]);
      win[kind] = (...args: unknown[]) => {
        this.shown.push({ kind, text: String(args[0]) });
        return original.apply(vscode.window, args);
      };
    }
  }
  texts(kind?: string): string[] {
    return this.shown.filter((m) => !kind || m.kind === kind).map((m) => m.text);
  }
  dispose(): void {
    const win = vscode.window as unknown as Record<string, unknown>;
    for (const [kind, original] of this.saved) win[kind] = original;
  }
}

// ---------------------------------------------------------------------------------------------
// The extension's log file

/** Folders that may hold this host's logs: code-server's user-data-dir, the VS Code logs dir. */
export function logRoots(): string[] {
  const roots: string[] = [];
  const socket = process.env.CODE_SERVER_SESSION_SOCKET;
  if (socket) roots.push(path.join(path.dirname(socket), 'logs'));
  if (process.env.VSCODE_LOGS) roots.push(process.env.VSCODE_LOGS);
  if (process.env.VSCODE_CWD) roots.push(path.join(process.env.VSCODE_CWD, 'user-data', 'logs'));
  return roots.filter((r) => fs.existsSync(r));
}

function walk(dir: string, depth: number, found: string[]): void {
  if (depth < 0) return;
  let entries: fs.Dirent[] = [];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, depth - 1, found);
    else if (full.includes(`${path.sep}${EXTENSION_ID}${path.sep}`) && full.endsWith('.log')) found.push(full);
  }
}

/** The newest log file(s) of the extension's output channel: <logs>/<session>/exthost*\/<extension id>/*.log. */
export function extensionLogFiles(): string[] {
  const found: string[] = [];
  for (const root of logRoots()) walk(root, 4, found);
  return found.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
}

/** Turns the extension's LogOutputChannel to trace (workbench.action.setDefaultLogLevel with its ID). */
export async function setExtensionLogLevel(level: number): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.setDefaultLogLevel', level, EXTENSION_ID);
}
