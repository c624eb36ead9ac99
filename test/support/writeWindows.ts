// The whole-suite "no write with the switch off" check, without vscode: the windows in which
// iamKeys.allowWriteActions was on (opened and closed as the setting flips), and every write
// action an emulator of this process saw. A write outside every window is a violation.
// Wired into the in-host suite by test/integration/writeGuard.ts; unit-tested on its own.

export interface WriteWindow {
  /** ms since the epoch when the switch was seen on. */
  readonly from: number;
  /** When it was seen off again; undefined while still on. */
  readonly to?: number;
}

export interface SeenWrite {
  readonly action: string;
  /** ISO time at which the emulator received it. */
  readonly time: string;
  readonly accessKeyId?: string;
  readonly userName?: string;
  /** The test running when it arrived (for the failure message). */
  readonly test?: string;
}

export class WriteWindows {
  private readonly windows: Array<{ from: number; to?: number }> = [];
  private readonly writes: SeenWrite[] = [];

  /** The switch's value as seen at `at` (ms); opens or closes a window when it changed. */
  switchSeen(on: boolean, at: number): void {
    const open = this.windows.at(-1);
    const isOpen = open !== undefined && open.to === undefined;
    if (on && !isOpen) this.windows.push({ from: at });
    else if (!on && isOpen) open.to = at;
  }

  writeSeen(write: SeenWrite): void {
    this.writes.push(write);
  }

  allWindows(): readonly WriteWindow[] {
    return this.windows.map((w) => ({ ...w }));
  }

  allWrites(): readonly SeenWrite[] {
    return [...this.writes];
  }

  /** Writes that arrived while the switch was off (inclusive bounds: same millisecond counts as inside). */
  outside(): SeenWrite[] {
    return this.writes.filter((write) => {
      const t = Date.parse(write.time);
      return !this.windows.some((w) => w.from <= t && (w.to === undefined || t <= w.to));
    });
  }

  /** Undefined when every write fell inside a window, else one line per write outside and the windows. */
  report(): string | undefined {
    const outside = this.outside();
    if (outside.length === 0) return undefined;
    const iso = (ms: number | undefined): string => (ms === undefined ? 'end' : new Date(ms).toISOString());
    return [
      `${outside.length} write action(s) reached an endpoint while iamKeys.allowWriteActions was off:`,
      ...outside.map((w) => `  ${w.time} ${w.action} ${w.accessKeyId ?? '-'} ${w.userName ?? '-'}${w.test ? ` (during "${w.test}")` : ''}`),
      `windows with the switch on: ${this.windows.map((w) => `${iso(w.from)} – ${iso(w.to)}`).join(', ') || 'none'}`,
    ].join('\n');
  }
}
