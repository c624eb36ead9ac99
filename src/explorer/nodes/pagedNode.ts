// A node whose children are one paged list (aws-toolkit's childNodeLoader idea): renders a
// list the account's model (or an account source) owns, loads its first page when expanded,
// and ends it in "Load more…" only while the last answer said IsTruncated. Empty and error
// states are rows, never pop-ups. A throttled call being retried shows on the row.
import * as vscode from 'vscode';
import { classifyError } from '../../aws/errors';
import { triedHost } from '../../aws/triedHost';
import type { LoadOutcome, PagedList } from '../../core/pagedList';
import { CommandIds } from '../../commands/commandIds';
import type { ExplorerServices } from '../services';
import { ExplorerNode } from './explorerNode';
import { LoadMoreNode } from './loadMoreNode';
import type { TreeElement } from './treeElement';
import { errorTooltip, failureLogLine, MessageNode, withHost } from './messageNode';

/** Where a list's calls go: its retries on throttling, and whether it was closed. */
export interface ListSource {
  onThrottled(listener: () => void): () => void;
  readonly isDisposed: boolean;
}

/** A source whose calls are not IAM's (an organization's accounts): no throttle notices. */
export const QUIET_SOURCE: ListSource = { onThrottled: () => () => undefined, isDisposed: false };

/** Lists whose call is being retried after throttling: rare and brief, so not a field in every row. */
const retryingRows = new WeakSet<ExplorerNode>();

export abstract class PagedNode<T> extends ExplorerNode {
  constructor(
    /** undefined for a list at the top of the view (an organization's accounts). */
    readonly parent: ExplorerNode | undefined,
    /** The list, owned by the account's model or the account source (shared with commands and walks). */
    readonly list: PagedList<T>,
  ) {
    super();
  }

  // Derived by each kind of list from what it already holds, not stored in every row: a user's
  // row is one of these for every user of every account (#22 memory).
  protected abstract get services(): ExplorerServices;
  /** The IAM action behind the list, named in "Access denied" rows. */
  protected abstract get action(): string;
  /** Where the list's calls go (throttle notices, closed or not). */
  protected abstract get calls(): ListSource;

  protected abstract childId(item: T): string;
  /** The row of the loaded item at `index`: the same row each time until the list is reset. */
  protected abstract childAt(index: number): TreeElement;
  protected abstract emptyLabel(): string;

  /** Items to show; subclasses filter here. */
  protected visibleItems(): readonly T[] {
    return this.list.loaded;
  }

  /** One API call (more only for empty truncated pages); concurrent calls share it. */
  load(): Promise<LoadOutcome> {
    const stopListening = this.calls.onThrottled(() => this.markRetrying());
    return this.list
      .loadNext()
      .then((outcome) => this.afterLoad(outcome))
      .finally(() => {
        stopListening();
        retryingRows.delete(this);
      });
  }

  /** Every remaining page, in IAM's largest pages; stops on error or when `signal` aborts. */
  async loadAll(options: { signal?: AbortSignal; onPage?: (loaded: number) => void } = {}): Promise<LoadOutcome> {
    return this.afterLoad(await this.list.loadAll(options));
  }

  /** Runs after every load: logs a failure; subclasses keep their indexes in step. */
  /** Items a "Load more…" click asks for (iamKeys.pageSize). */
  get pageSize(): number {
    return this.services.settings().pageSize;
  }

  protected afterLoad(outcome: LoadOutcome): LoadOutcome {
    if (outcome.kind === 'failed') {
      const problem = classifyError(outcome.error, this.action);
      this.services.log.warn(failureLogLine(this.id, problem, triedHost(outcome.error)));
    }
    return outcome;
  }

  /** "Load more…": loads the next page and redraws this list only. */
  async loadMore(): Promise<LoadOutcome> {
    const outcome = this.load();
    this.services.refresh(this);
    const result = await outcome;
    this.services.refresh(this);
    return result;
  }

  /** Forgets what was loaded; the next expand loads the first page again. */
  reset(): void {
    this.list.reset();
  }

  /** The child row for one loaded item, by its id (e.g. an access key ID). */
  loadedChild(id: string): TreeElement | undefined {
    const index = this.list.loaded.findIndex((candidate) => this.childId(candidate) === id);
    return index < 0 ? undefined : this.childAt(index);
  }

  /** Rows of the loaded items that pass the view's filters. */
  loadedChildren(): TreeElement[] {
    const loaded = this.list.loaded;
    const visible = this.visibleItems();
    if (visible === loaded) return this.allLoadedChildren();
    const indexOf = new Map<T, number>(loaded.map((item, index) => [item, index]));
    return visible.map((item) => this.childAt(indexOf.get(item) ?? -1));
  }

  /** Rows of every loaded item, filters ignored (for lookups). */
  allLoadedChildren(): TreeElement[] {
    return this.list.loaded.map((_item, index) => this.childAt(index));
  }

  override async getChildren(): Promise<TreeElement[]> {
    // A reset while loading turns the answer stale; load again, a bounded number of times.
    for (let attempt = 0; !this.list.hasStarted && !this.calls.isDisposed && attempt < 3; attempt++) {
      const outcome = await this.load();
      if (outcome.kind !== 'stale') break;
    }
    return [...this.loadedChildren(), ...this.trailingRows()];
  }

  protected statusDescription(): string | undefined {
    if (retryingRows.has(this)) return vscode.l10n.t('Throttled — retrying…');
    if (this.list.isLoading) return vscode.l10n.t('Loading…');
    return undefined;
  }

  private markRetrying(): void {
    if (retryingRows.has(this)) return;
    retryingRows.add(this);
    this.services.refresh(this);
  }

  private trailingRows(): ExplorerNode[] {
    const error = this.list.error;
    if (error !== undefined) return [this.errorRow(error)];
    if (this.list.isTruncated) return [new LoadMoreNode(this as PagedNode<unknown>)];
    if (this.visibleItems().length === 0) {
      // The default info icon: circle-slash is what an Inactive key shows.
      return [new MessageNode(this, { key: 'empty', label: this.emptyLabel() })];
    }
    return [];
  }

  private errorRow(error: unknown): MessageNode {
    const problem = classifyError(error, this.action);
    // A rejected Marker won't pass on a retry: start the list again instead.
    const restart = problem.kind === 'validation' && this.list.loaded.length > 0;
    const command: vscode.Command = restart
      ? { command: CommandIds.refresh, title: vscode.l10n.t('Reload'), arguments: [this] }
      : { command: CommandIds.loadMore, title: vscode.l10n.t('Retry'), arguments: [this] };
    return new MessageNode(this, {
      key: `error`,
      label: problem.message,
      description: withHost(restart ? vscode.l10n.t('click to reload the list') : vscode.l10n.t('click to retry'), triedHost(error)),
      tooltip: errorTooltip(problem, triedHost(error)),
      icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
      command,
    });
  }
}
