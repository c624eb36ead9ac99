// A node whose children are one paged IAM list (aws-toolkit's childNodeLoader idea): loads
// the first page when expanded, keeps what is loaded, and ends the list in "Load more…"
// only while IAM said IsTruncated. Empty and error states are rows, never pop-ups.
import * as vscode from 'vscode';
import { classifyError } from '../../aws/errors';
import { triedHost } from '../../aws/triedHost';
import { type LoadOutcome, PagedList, pageSizeFor } from '../../core/pagedList';
import type { Page } from '../../core/types';
import { CommandIds } from '../../commands/commandIds';
import type { NodeScope } from '../services';
import { ExplorerNode } from './explorerNode';
import { LoadMoreNode } from './loadMoreNode';
import { errorTooltip, failureLogLine, MessageNode, withHost } from './messageNode';

export abstract class PagedNode<T> extends ExplorerNode {
  readonly list: PagedList<T>;
  private readonly childCache = new Map<string, ExplorerNode>();
  private retrying = false;

  constructor(
    /** undefined for a list at the top of the view (an organization's accounts). */
    readonly parent: ExplorerNode | undefined,
    readonly scope: NodeScope,
    /** The IAM action behind the list, named in "Access denied" rows. */
    protected readonly action: string,
    /** A list owned elsewhere (an organization's accounts, shared with its walks). */
    shared?: PagedList<T>,
  ) {
    super();
    this.list = shared ?? new PagedList<T>((marker, signal, hint) => this.fetchPage(marker, signal, pageSizeFor(hint, this.scope.services.settings().pageSize)));
  }

  protected abstract fetchPage(marker: string | undefined, signal: AbortSignal, maxItems: number): Promise<Page<T>>;
  protected abstract childId(item: T): string;
  protected abstract createChild(item: T): ExplorerNode;
  protected abstract emptyLabel(): string;

  /** Items to show; subclasses filter here. */
  protected visibleItems(): readonly T[] {
    return this.list.loaded;
  }

  /** One API call (more only for empty truncated pages); concurrent calls share it. */
  load(): Promise<LoadOutcome> {
    const stopListening = this.scope.session.onThrottled(() => this.markRetrying());
    return this.list
      .loadNext()
      .then((outcome) => this.afterLoad(outcome))
      .finally(() => {
        stopListening();
        this.retrying = false;
      });
  }

  /** Every remaining page, in IAM's largest pages; stops on error or when `signal` aborts. */
  async loadAll(options: { signal?: AbortSignal; onPage?: (loaded: number) => void } = {}): Promise<LoadOutcome> {
    return this.afterLoad(await this.list.loadAll(options));
  }

  /** Runs after every load: logs a failure; subclasses keep their indexes in step. */
  protected afterLoad(outcome: LoadOutcome): LoadOutcome {
    if (outcome.kind === 'failed') {
      const problem = classifyError(outcome.error, this.action);
      this.scope.services.log.warn(failureLogLine(this.id, problem, triedHost(outcome.error)));
    }
    return outcome;
  }

  /** "Load more…": loads the next page and redraws this list only. */
  async loadMore(): Promise<LoadOutcome> {
    const outcome = this.load();
    this.scope.services.refresh(this);
    const result = await outcome;
    this.scope.services.refresh(this);
    return result;
  }

  /** Forgets what was loaded; the next expand loads the first page again. */
  reset(): void {
    this.list.reset();
    this.childCache.clear();
  }

  /** The child row for one loaded item, by its id (e.g. an access key ID). */
  loadedChild(id: string): ExplorerNode | undefined {
    const item = this.list.loaded.find((candidate) => this.childId(candidate) === id);
    return item === undefined ? undefined : this.child(item);
  }

  /** Rows of the loaded items that pass the view's filters. */
  loadedChildren(): ExplorerNode[] {
    return this.visibleItems().map((item) => this.child(item));
  }

  /** Rows of every loaded item, filters ignored (for lookups). */
  allLoadedChildren(): ExplorerNode[] {
    return this.list.loaded.map((item) => this.child(item));
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    // A reset while loading turns the answer stale; load again, a bounded number of times.
    for (let attempt = 0; !this.list.hasStarted && !this.scope.session.isDisposed && attempt < 3; attempt++) {
      const outcome = await this.load();
      if (outcome.kind !== 'stale') break;
    }
    return [...this.loadedChildren(), ...this.trailingRows()];
  }

  protected statusDescription(): string | undefined {
    if (this.retrying) return vscode.l10n.t('Throttled — retrying…');
    if (this.list.isLoading) return vscode.l10n.t('Loading…');
    return undefined;
  }

  private markRetrying(): void {
    if (this.retrying) return;
    this.retrying = true;
    this.scope.services.refresh(this);
  }

  private child(item: T): ExplorerNode {
    const id = this.childId(item);
    let node = this.childCache.get(id);
    if (!node) {
      node = this.createChild(item);
      this.childCache.set(id, node);
    }
    return node;
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
