// One IAM emulator per describe() for tests that talk to it from this process: before()
// starts it with an IAM client signed as the built-in caller (no retries, so every fault is
// seen as is), beforeEach() puts back the given faults and zeroes the counters, after() closes
// both. Read `fixture.emulator` / `fixture.iam` inside hooks and tests, not at describe time.
import * as assert from 'node:assert/strict';
import type { IAMClient } from '@aws-sdk/client-iam';
import { iamClientFor } from '../emulator/clients';
import { startIamEmulator, type FaultConfig, type IamEmulator, type IamEmulatorOptions } from '../emulator/index';

export interface EmulatorFixture {
  readonly emulator: IamEmulator;
  readonly iam: IAMClient;
}

export function useEmulator(options: IamEmulatorOptions = {}, faultsEachTest: FaultConfig = {}): EmulatorFixture {
  let running: { emulator: IamEmulator; iam: IAMClient } | undefined;
  before(async () => {
    const emulator = await startIamEmulator(options);
    running = { emulator, iam: iamClientFor(emulator, undefined, { maxAttempts: 1 }) };
  });
  after(async () => {
    running?.iam.destroy();
    await running?.emulator.close();
    running = undefined;
  });
  beforeEach(() => {
    running?.emulator.replaceFaults(faultsEachTest);
    running?.emulator.resetCounters();
  });
  const get = (): { emulator: IamEmulator; iam: IAMClient } => {
    assert.ok(running, 'the emulator fixture is used outside its describe(), or its before() failed');
    return running;
  };
  return {
    get emulator() {
      return get().emulator;
    },
    get iam() {
      return get().iam;
    },
  };
}
