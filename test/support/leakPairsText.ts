// A `.env`-style text with many key-ID/secret pairs, for the scale checks of the leak scanner
// (unit, in-host and bench): each ID on the line above its secret, ~91 bytes a pair
// (8,000 pairs ≈ 0.73 MB, 64,000 pairs ≈ 5.8 MB).
import { makeAccessKeyId, makeSecretAccessKey } from '../emulator/keyIds';
import { SeededRandom } from '../emulator/random';

export interface LeakPairsText {
  readonly text: string;
  /** The planted pairs, in order: what the scanner must pair (0-based line of the ID). */
  readonly pairs: ReadonlyArray<{ readonly accessKeyId: string; readonly line: number }>;
}

export function leakPairsText(pairs: number, options: { account?: string; seed?: number } = {}): LeakPairsText {
  const random = new SeededRandom(options.seed ?? 2126);
  const account = options.account ?? '123456789012';
  const lines: string[] = [];
  const planted: Array<{ accessKeyId: string; line: number }> = [];
  for (let i = 0; i < pairs; i++) {
    const accessKeyId = makeAccessKeyId(account, random);
    planted.push({ accessKeyId, line: lines.length });
    lines.push(`AWS_ACCESS_KEY_ID=${accessKeyId}`, `AWS_SECRET=${makeSecretAccessKey(random)}`);
  }
  return { text: lines.join('\n') + '\n', pairs: planted };
}
