// The pseudo-locale check: the in-host suite of test/pseudoLocale/ runs in code-server with
// display language qps-ploc and the extension's generated pseudo bundles
// (test/host/pseudoLocaleRun.ts); any English left in a row, hover, diagnostic, notification,
// quick input, status bar message or exported report fails it (toasts, quick input and status
// bar read from this browser's page: test/host/workbenchText.ts).
// In the UI layer because it needs its own host (its own display language), on one host only.
import * as assert from 'assert/strict';
import { runPseudoLocaleSuite } from '../host/pseudoLocaleRun';

describe('UI: pseudo-locale qps-ploc', function () {
  this.timeout(240_000);

  it('the in-host pseudo-locale suite passes: no untranslated English in rows, hovers, diagnostics, messages and the report', async () => {
    const run = await runPseudoLocaleSuite(180_000);
    assert.ok(run.counts, `the pseudo-locale suite ended without a result line:\n${run.output.slice(-4000)}`);
    assert.ok(run.counts.passed >= 5, `${run.counts.passed} passed:\n${run.output.slice(-4000)}`);
    assert.equal(run.counts.failed, 0, run.output.slice(-6000));
  });
});
