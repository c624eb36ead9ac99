// The one machine-readable line every test layer ends with:
//   IAMKEYS_TEST_RESULT {"passed":N,"failed":M,"pending":K}
// Printed by countingReporter.ts (unit/UI mocha, and the in-host suite through console.log);
// parsed by runInCodeServer.ts and scripts/test-all.mjs.
export const RESULT_MARKER = 'IAMKEYS_TEST_RESULT';

export interface TestCounts {
  passed: number;
  failed: number;
  pending: number;
}

export function resultLine(counts: TestCounts): string {
  return `${RESULT_MARKER} ${JSON.stringify(counts)}`;
}

/** The last result line in `text`, if any. */
export function parseResult(text: string): TestCounts | undefined {
  let found: TestCounts | undefined;
  for (const m of text.matchAll(/IAMKEYS_TEST_RESULT (\{[^}\n]*\})/g)) {
    try {
      const c = JSON.parse(m[1]);
      found = { passed: Number(c.passed) || 0, failed: Number(c.failed) || 0, pending: Number(c.pending) || 0 };
    } catch {
      /* not ours */
    }
  }
  return found;
}
