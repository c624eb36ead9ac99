// A quick pick of known values that also takes any typed value, checked as it is typed. A
// typed value that fails the check is shown as a row; choosing it opens an input box whose
// validation message holds the whole reason (a quick pick row would cut it off).
import * as vscode from 'vscode';

export interface PickOrTypeOptions<T> {
  readonly title: string;
  readonly placeholder: string;
  /** Known values; `alwaysShow` rows stay visible whatever is typed. */
  readonly items: ReadonlyArray<vscode.QuickPickItem & { readonly value: T }>;
  /** The reason a typed value is refused, or undefined when it is fine. */
  validate(typed: string): string | undefined;
  fromTyped(typed: string): T;
  readonly typedDescription: string;
}

type Row<T> = vscode.QuickPickItem & { readonly value?: T; readonly typed?: string; readonly invalid?: boolean };

export function pickOrType<T>(options: PickOrTypeOptions<T>): Promise<T | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    let correcting = false;
    const settle = (value: T | undefined): void => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    const pick = vscode.window.createQuickPick<Row<T>>();
    pick.title = options.title;
    pick.placeholder = options.placeholder;
    pick.matchOnDescription = true;
    // The extension host names rows by their index in `items`, and the workbench answers Enter
    // with the index of the row it shows active, which can predate the last keystroke's update.
    // So the known rows never move (the typed row only ever comes last) and the workbench's own
    // sort by label puts what was typed exactly first; on Enter a typed row (or no row) is read
    // from the value, never from a row that may be stale.
    const typedText = (): string => (pick.value.trim() === '' ? '' : pick.value);
    const update = (): void => {
      const typed = typedText();
      const exact = typed ? options.items.find((item) => item.label === typed) : undefined;
      let extra: Row<T> | undefined;
      if (typed && !exact) {
        const reason = options.validate(typed);
        extra = reason
          ? { label: `$(error) ${reason}`, detail: vscode.l10n.t('Press Enter to correct it'), alwaysShow: true, typed, invalid: true }
          : { label: typed, description: options.typedDescription, alwaysShow: true, typed };
      }
      pick.items = extra ? [...options.items, extra] : options.items;
      const first = exact ?? extra;
      if (first) pick.activeItems = [first];
    };
    update();
    pick.onDidChangeValue(update);
    pick.onDidAccept(async () => {
      const chosen = pick.selectedItems[0];
      if (chosen && chosen.typed === undefined) {
        settle(chosen.value);
        pick.hide();
        return;
      }
      const typed = typedText();
      if (!typed) return;
      const exact = options.items.find((item) => item.label === typed);
      const reason = exact ? undefined : options.validate(typed);
      if (reason !== undefined) {
        correcting = true;
        pick.hide();
        const corrected = await vscode.window.showInputBox({
          title: options.title,
          value: typed,
          validateInput: (value) => options.validate(value),
        });
        settle(corrected === undefined ? undefined : options.fromTyped(corrected));
        return;
      }
      settle(exact ? exact.value : options.fromTyped(typed));
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      // An invalid row hides the pick to open the input box: wait for that answer instead.
      if (!correcting) settle(undefined);
    });
    pick.show();
  });
}
