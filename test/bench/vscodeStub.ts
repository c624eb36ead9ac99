// A stand-in `vscode` module so the extension's own editor-facing modules (the explorer tree,
// the hover provider, the bundled dist/extension.js) can run in plain Node for timing and
// memory measurements. Install it with installVscodeStub() before the first require of any
// module that imports 'vscode'.
//
// The few classes whose behaviour the measured code relies on are real (EventEmitter,
// TreeItem, MarkdownString, Range, Hover, l10n.t, configuration reads); everything else is a
// deep no-op Proxy: any property is another stub, calls and `new` return stubs, and stubs are
// never thenable, so `await vscode.commands.executeCommand(...)` resolves at once.
import Module from 'node:module';

type AnyFn = (...args: unknown[]) => unknown;

export function deepStub(name: string): unknown {
  const target = function stub(): void {
    /* no-op */
  };
  return new Proxy(target, {
    get(_t, property) {
      if (property === 'then') return undefined;
      if (property === Symbol.toPrimitive) return () => '';
      if (property === Symbol.iterator) return function* empty(): Generator<never> {};
      if (property === 'dispose') return () => undefined;
      if (property === 'toString' || property === 'valueOf') return () => '';
      return deepStub(`${name}.${String(property)}`);
    },
    apply: () => deepStub(`${name}()`),
    construct: () => deepStub(`new ${name}`) as object,
    set: () => true,
    has: () => true,
  });
}

/**
 * Stubs for whatever a `partial` object lacks. It sits in the prototype chain rather than
 * wrapping the object, because esbuild's __toESM() copies a module's own properties into a new
 * object whose prototype is the module's prototype: misses must resolve through the prototype.
 */
function catchAll(name: string): object {
  return new Proxy(Object.create(null) as object, {
    get(_t, property) {
      if (typeof property === 'symbol' || property === 'then' || property === 'toJSON') return undefined;
      if (property === 'toString' || property === 'valueOf') return () => `[stub ${name}]`;
      return deepStub(`${name}.${property}`);
    },
  });
}

/** An object whose listed members are real and whose other members are deep stubs. */
function partial<T extends object>(name: string, real: T): T {
  return Object.setPrototypeOf(real, catchAll(name)) as T;
}

const disposable = { dispose: (): void => undefined };

class EventEmitter<T> {
  private listeners: ((e: T) => unknown)[] = [];
  readonly event = (listener: (e: T) => unknown): { dispose(): void } => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(e: T): void {
    for (const listener of [...this.listeners]) listener(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

class TreeItem {
  [key: string]: unknown;
  constructor(
    public label: unknown,
    public collapsibleState: number = 0,
  ) {}
}

class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: unknown,
  ) {}
}

class ThemeColor {
  constructor(readonly id: string) {}
}

class MarkdownString {
  isTrusted: unknown;
  supportThemeIcons: boolean | undefined;
  constructor(
    public value = '',
    supportThemeIcons?: boolean,
  ) {
    this.supportThemeIcons = supportThemeIcons;
  }
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
  appendText(text: string): this {
    this.value += text.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&');
    return this;
  }
  appendCodeblock(code: string, language = ''): this {
    this.value += `\n\`\`\`${language}\n${code}\n\`\`\`\n`;
    return this;
  }
}

class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.start = new Position(startLine, startCharacter);
    this.end = new Position(endLine, endCharacter);
  }
}

class Hover {
  constructor(
    readonly contents: unknown,
    readonly range?: Range,
  ) {}
}

class Disposable {
  constructor(private readonly onDispose: () => void) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  dispose(): void {
    this.onDispose();
  }
}

function translate(message: string, ...args: unknown[]): string {
  const values = args.length === 1 && typeof args[0] === 'object' && args[0] !== null ? (args[0] as Record<string, unknown>) : args;
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = (values as Record<string, unknown>)[key];
    return value === undefined ? whole : String(value);
  });
}

/** Values returned by workspace.getConfiguration('iamKeys').get(key); others get the caller's default. */
export const stubConfiguration: Record<string, unknown> = {};

function configuration(): unknown {
  return partial('WorkspaceConfiguration', {
    get: (key: string, fallback?: unknown) => (key in stubConfiguration ? stubConfiguration[key] : fallback),
    has: (key: string) => key in stubConfiguration,
    inspect: (key: string) => ({ key, globalValue: stubConfiguration[key] }),
    update: () => Promise.resolve(),
  });
}

const outputChannel = (): unknown =>
  partial('LogOutputChannel', {
    name: 'IAM Access Keys',
    logLevel: 0,
    trace: (): void => undefined,
    debug: (): void => undefined,
    info: (): void => undefined,
    warn: (): void => undefined,
    error: (): void => undefined,
    append: (): void => undefined,
    appendLine: (): void => undefined,
    show: (): void => undefined,
    dispose: (): void => undefined,
    onDidChangeLogLevel: () => disposable,
  });

export const vscodeStub = partial('vscode', {
  version: '1.93.0',
  EventEmitter,
  TreeItem,
  ThemeIcon,
  ThemeColor,
  MarkdownString,
  Position,
  Range,
  Hover,
  Disposable,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  l10n: partial('l10n', { t: translate as AnyFn }),
  env: partial('env', { language: 'en', appName: 'bench', machineId: 'bench', isTelemetryEnabled: false }),
  commands: partial('commands', {
    executeCommand: () => Promise.resolve(undefined),
    registerCommand: () => disposable,
    getCommands: () => Promise.resolve([]),
  }),
  workspace: partial('workspace', {
    getConfiguration: configuration,
    onDidChangeConfiguration: () => disposable,
    onDidOpenTextDocument: () => disposable,
    onDidCloseTextDocument: () => disposable,
    onDidChangeTextDocument: () => disposable,
    onDidGrantWorkspaceTrust: () => disposable,
    registerTextDocumentContentProvider: () => disposable,
    isTrusted: true,
    textDocuments: [],
    workspaceFolders: undefined,
  }),
  window: partial('window', {
    createOutputChannel: outputChannel,
    createTreeView: () => partial('TreeView', { message: undefined as unknown, dispose: () => undefined }),
    onDidChangeActiveTextEditor: () => disposable,
    onDidChangeVisibleTextEditors: () => disposable,
    createTextEditorDecorationType: () => disposable,
    visibleTextEditors: [],
    activeTextEditor: undefined,
    setStatusBarMessage: () => disposable,
  }),
  languages: partial('languages', {
    registerHoverProvider: () => disposable,
    createDiagnosticCollection: () => partial('DiagnosticCollection', { set: () => undefined, delete: () => undefined, clear: () => undefined, dispose: () => undefined }),
  }),
});

let installed = false;

/**
 * Makes `require('vscode')` return the stub in this process. Requests starting with one of
 * `stubPrefixes` (e.g. '@aws-sdk/') get deep stubs too: for measuring a bundle without them.
 */
export function installVscodeStub(stubPrefixes: readonly string[] = []): void {
  if (installed) return;
  installed = true;
  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = loader._load;
  loader._load = function load(request: string, parent: unknown, isMain: boolean): unknown {
    if (request === 'vscode') return vscodeStub;
    if (stubPrefixes.some((prefix) => request.startsWith(prefix))) return deepStub(request);
    return original.call(this, request, parent, isMain);
  };
}

/** An ExtensionContext good enough for activate(). */
export function fakeExtensionContext(): unknown {
  return partial('ExtensionContext', {
    subscriptions: [] as { dispose(): unknown }[],
    extensionPath: '/nonexistent',
    // A real path, as the host gives: activation looks for an interrupted rotation's journal there.
    globalStorageUri: { fsPath: '/nonexistent/globalStorage', scheme: 'file', path: '/nonexistent/globalStorage' },
    extensionMode: 1,
    globalState: partial('Memento', { get: (_k: string, d?: unknown) => d, update: () => Promise.resolve(), keys: () => [] }),
    workspaceState: partial('Memento', { get: (_k: string, d?: unknown) => d, update: () => Promise.resolve(), keys: () => [] }),
  });
}
