// The extension's one log channel. Everything written goes through redaction first, so a
// secret key, session token or request signature can't reach the Output panel.
import * as vscode from 'vscode';
import { redactObject, redactSecrets } from './core/redact';

export interface Log {
  trace(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string | Error, ...args: unknown[]): void;
}

export function createLog(channel: vscode.LogOutputChannel): Log {
  const clean = (args: unknown[]): unknown[] => args.map((a) => (typeof a === 'string' ? redactSecrets(a) : redactObject(a)));
  return {
    trace: (m, ...a) => channel.trace(redactSecrets(m), ...clean(a)),
    debug: (m, ...a) => channel.debug(redactSecrets(m), ...clean(a)),
    info: (m, ...a) => channel.info(redactSecrets(m), ...clean(a)),
    warn: (m, ...a) => channel.warn(redactSecrets(m), ...clean(a)),
    error: (m, ...a) => channel.error(redactSecrets(m instanceof Error ? `${m.name}: ${m.message}` : m), ...clean(a)),
  };
}
