// The demo account's workbench for one describe(): a local IAM endpoint with the demo data,
// and a workbench whose extension reads it as the caller's profile (the built-in credentials
// file). Options add to that (more settings, workspace files, a viewport).
import { BUILT_IN_IDENTITIES, credentialsFileText } from '../emulator/identities';
import { startIamEmulator, type IamEmulator, type IamEmulatorOptions } from '../emulator/index';
import { useWorkbench, type Workbench, type WorkbenchOptions } from './workbench';

export interface DemoWorkbench {
  readonly wb: () => Workbench;
  /** The endpoint behind it, once before() ran. */
  readonly emulator: () => IamEmulator;
}

export function useDemoWorkbench(options: Omit<WorkbenchOptions, 'awsCredentials'> = {}, emulatorOptions: IamEmulatorOptions = { demo: true, seed: 1 }): DemoWorkbench {
  let emulator: IamEmulator | undefined;
  before(async () => {
    emulator = await startIamEmulator({ port: 0, ...emulatorOptions });
  });
  after(() => emulator?.close());
  const running = (): IamEmulator => {
    if (!emulator) throw new Error('The endpoint is not running (did before() fail?)');
    return emulator;
  };
  const wb = useWorkbench(() => ({
    ...options,
    userSettings: { 'iamKeys.endpoint': running().url, 'iamKeys.profile': BUILT_IN_IDENTITIES.caller.profile, ...options.userSettings },
    awsCredentials: credentialsFileText(),
  }));
  return { wb, emulator: running };
}
