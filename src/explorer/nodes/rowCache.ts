// The row objects of a list whose items are shown as rows (users, accounts), made when first
// asked for and kept at their item's index. The list only appends until it is reset, which gives
// it a new array: then every row is made anew. No map or wrapper per row (#22 memory).
import type { ExplorerNode } from './explorerNode';

export class RowCache<T, Row extends ExplorerNode> {
  private rows: Array<Row | undefined> = [];
  private rowsOf: readonly T[] | undefined;

  constructor(private readonly create: (item: T) => Row) {}

  /** The row of `loaded[index]`; a new row once `loaded` is a new array (the list was reset). */
  at(loaded: readonly T[], index: number): Row {
    const item = loaded[index];
    if (item === undefined) throw new RangeError(`no loaded item ${index}`);
    if (this.rowsOf !== loaded) {
      this.rowsOf = loaded;
      this.rows = new Array<Row | undefined>(loaded.length);
    }
    // Appended pages: grow by pushing (amortized), never by copying the whole array again.
    while (this.rows.length < loaded.length) this.rows.push(undefined);
    return (this.rows[index] ??= this.create(item));
  }

  clear(): void {
    this.rows = [];
    this.rowsOf = undefined;
  }
}
