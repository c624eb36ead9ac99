// Mocha's spec reporter plus the closing IAMKEYS_TEST_RESULT line (see results.ts), printed
// with console.log so that inside the extension host it reaches the runner too.
// Use: mocha --reporter ./out/test/host/countingReporter.js, or `reporter: CountingReporter`.
import Mocha from 'mocha';
import { resultLine } from './results';

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    // Registered after Spec's own handler, so this prints after mocha's epilogue.
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const s = runner.stats;
      console.log(resultLine({ passed: s?.passes ?? 0, failed: s?.failures ?? 0, pending: s?.pending ?? 0 }));
    });
  }
}

// Mocha require()s a reporter file and expects the class itself as the module.
export = CountingReporter;
