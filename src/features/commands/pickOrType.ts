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
    // What was typed exactly (a known row, else the typed row) comes first and is active, so
    // Enter after "bob" takes the user bob, never bob.smith (the filter's own sort agrees).
    const update = (): void => {
      const typed = pick.value.trim() === '' ? '' : pick.value;
      const exact = typed ? options.items.filter((item) => item.label === typed) : [];
      let extra: Row<T>[] = [];
      if (typed && exact.length === 0) {
        const reason = options.validate(typed);
        extra = reason
          ? [{ label: `$(error) ${reason}`, detail: vscode.l10n.t('Press Enter to correct it'), alwaysShow: true, typed, invalid: true }]
          : [{ label: typed, description: options.typedDescription, alwaysShow: true, typed }];
      }
      const first = [...exact, ...extra];
      pick.items = [...first, ...options.items.filter((item) => !exact.includes(item))];
      if (first.length > 0) pick.activeItems = [first[0]!];
    };
    update();
    pick.onDidChangeValue(update);
    pick.onDidAccept(async () => {
      const chosen = pick.selectedItems[0];
      if (!chosen) return;
      if (chosen.invalid && chosen.typed !== undefined) {
        correcting = true;
        pick.hide();
        const corrected = await vscode.window.showInputBox({
          title: options.title,
          value: chosen.typed,
          validateInput: (value) => options.validate(value),
        });
        settle(corrected === undefined ? undefined : options.fromTyped(corrected));
        return;
      }
      settle(chosen.typed !== undefined ? options.fromTyped(chosen.typed) : chosen.value);
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
