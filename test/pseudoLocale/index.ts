// Entry point of the pseudo-locale suite (test/host/pseudoLocaleRun.ts loads it through
// extensionTestsPath into a host whose display language is qps-ploc): runs
// out/test/pseudoLocale/*.test.js and ends with the IAMKEYS_TEST_RESULT line. Kept apart from
// test/integration, whose tests read English.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import CountingReporter from '../host/countingReporter';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: CountingReporter, forbidOnly: true });
  for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} pseudo-locale test(s) failed`)) : resolve()));
  });
}
