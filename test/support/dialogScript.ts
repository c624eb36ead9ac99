// Answers the dialogs a command asks, in the real extension host: modal messages get the reply
// queued for them (none queued: Cancel), a non-modal message with a queued reply gets it (as if
// its button were clicked), and the next quick pick takes typed text and a chosen row. What was
// asked is recorded (message text and buttons; never a modal's detail, which may hold a secret).
import * as vscode from 'vscode';

export interface AskedMessage {
  readonly kind: string;
  readonly text: string;
  readonly modal: boolean;
  readonly buttons: readonly string[];
}

export interface ShownInputBox {
  readonly title: string;
  readonly prompt: string;
  readonly password: boolean;
}

export interface ShownPick {
  readonly title: string;
  readonly rows: ReadonlyArray<{ label: string; description?: string }>;
  /** The rows the pick made active after the typing (what Enter takes in the workbench). */
  readonly active: ReadonlyArray<{ label: string; description?: string }>;
}

type Reply = string | undefined | ((asked: AskedMessage) => string | undefined);
type Shower = (...args: unknown[]) => Thenable<unknown>;
type PickRow = vscode.QuickPickItem;
/** Picks the accepted row from the rows and the active ones (none: Escape). */
type PickChooser = (rows: readonly PickRow[], active: readonly PickRow[]) => PickRow | undefined;

export class DialogScript {
  readonly asked: AskedMessage[] = [];
  readonly picks: ShownPick[] = [];
  readonly inputBoxes: ShownInputBox[] = [];
  private readonly typedInputs: Array<string | undefined> = [];
  private readonly replies: Array<{ match: RegExp; reply: Reply }> = [];
  private readonly pickScripts: Array<{ typed: string; choose: PickChooser }> = [];
  private readonly saved: Array<[string, unknown]> = [];

  constructor() {
    const win = vscode.window as unknown as Record<string, unknown>;
    for (const kind of ['showErrorMessage', 'showWarningMessage', 'showInformationMessage']) {
      const original = win[kind] as Shower;
      this.saved.push([kind, original]);
      win[kind] = (...args: unknown[]) => this.message(kind, original, args);
    }
    this.saved.push(['createQuickPick', win.createQuickPick]);
    win.createQuickPick = () => this.quickPick();
    this.saved.push(['showInputBox', win.showInputBox]);
    win.showInputBox = (options?: vscode.InputBoxOptions) => this.inputBox(options);
  }

  /** The next message matching `match` is answered `reply` (undefined: Cancel / dismissed; a function: picks from what was asked). */
  answer(match: RegExp, reply: Reply): void {
    this.replies.push({ match, reply });
  }

  /** The next quick pick gets `typed` typed into it, then the row `choose` returns accepted (none: Escape). */
  typeInNextPick(typed: string, choose: PickChooser): void {
    this.pickScripts.push({ typed, choose });
  }

  /** The next input box gets `typed` entered (undefined: Escape); one not scripted is escaped too. */
  typeInNextInputBox(typed: string | undefined): void {
    this.typedInputs.push(typed);
  }

  texts(kind?: string): string[] {
    return this.asked.filter((m) => !kind || m.kind === kind).map((m) => m.text);
  }

  dispose(): void {
    const win = vscode.window as unknown as Record<string, unknown>;
    for (const [kind, original] of this.saved) win[kind] = original;
  }

  private message(kind: string, original: Shower, args: unknown[]): Thenable<unknown> {
    const options = typeof args[1] === 'object' && args[1] !== null ? (args[1] as vscode.MessageOptions) : undefined;
    const buttons = args.slice(options ? 2 : 1).map((b) => (typeof b === 'string' ? b : String((b as { title?: unknown }).title)));
    const asked = { kind, text: String(args[0]), modal: options?.modal === true, buttons };
    this.asked.push(asked);
    const index = this.replies.findIndex((r) => r.match.test(asked.text));
    if (index >= 0) {
      const [{ reply }] = this.replies.splice(index, 1);
      return Promise.resolve(typeof reply === 'function' ? reply(asked) : reply);
    }
    // A modal would block the host's test run: unanswered, it is cancelled.
    if (asked.modal) return Promise.resolve(undefined);
    return original.apply(vscode.window, args);
  }

  private async inputBox(options: vscode.InputBoxOptions | undefined): Promise<string | undefined> {
    this.inputBoxes.push({ title: options?.title ?? '', prompt: options?.prompt ?? '', password: options?.password === true });
    const typed = this.typedInputs.shift();
    if (typed === undefined) return undefined;
    const problem = await options?.validateInput?.(typed);
    if (problem) throw new Error(`the input box refused the typed text: ${typeof problem === 'string' ? problem : problem.message}`);
    return typed;
  }

  /** A stand-in with the quick pick's surface the commands use, driven by the next script. */
  private quickPick(): vscode.QuickPick<PickRow> {
    const script = this.pickScripts.shift();
    const changed = new vscode.EventEmitter<string>();
    const accepted = new vscode.EventEmitter<void>();
    const hidden = new vscode.EventEmitter<void>();
    const picks = this.picks;
    let open = false;
    const pick = {
      title: '' as string | undefined,
      placeholder: '' as string | undefined,
      matchOnDescription: false,
      items: [] as readonly PickRow[],
      selectedItems: [] as readonly PickRow[],
      activeItems: [] as readonly PickRow[],
      value: '',
      onDidChangeValue: changed.event,
      onDidAccept: accepted.event,
      onDidHide: hidden.event,
      show(): void {
        open = true;
        setTimeout(() => {
          pick.value = script?.typed ?? '';
          changed.fire(pick.value);
          const shown = (rows: readonly PickRow[]) => rows.map((r) => ({ label: r.label, description: r.description }));
          picks.push({ title: pick.title ?? '', rows: shown(pick.items), active: shown(pick.activeItems) });
          const chosen = script?.choose(pick.items, pick.activeItems);
          if (!chosen) return pick.hide();
          pick.selectedItems = [chosen];
          accepted.fire();
        }, 0);
      },
      hide(): void {
        if (!open) return;
        open = false;
        hidden.fire();
      },
      dispose(): void {
        changed.dispose();
        accepted.dispose();
        hidden.dispose();
      },
    };
    return pick as unknown as vscode.QuickPick<PickRow>;
  }
}
