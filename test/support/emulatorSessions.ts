// A session registry as the extension builds one, signing with the real SDK against a local IAM
// endpoint: static-keys profiles, one attempt, a 5 s deadline, nothing logged.
import { createConnection } from '../../src/aws/connection';
import { SessionRegistry } from '../../src/aws/sessionRegistry';

const quiet = { warn: () => undefined, debug: () => undefined, trace: () => undefined };

/** Sessions for `profiles` (static keys in the isolated credentials file) against the endpoint at `url`. */
export function emulatorSessionRegistry(url: string, profiles: readonly string[]): SessionRegistry {
  return new SessionRegistry({
    settings: () => ({ profiles: [...profiles] }),
    connect: (profile, hooks) => createConnection({ profile, region: 'us-east-1', endpoint: url, requestTimeoutMs: 5_000, maxAttempts: 1 }, hooks),
    listProfiles: async () => profiles.map((name) => ({ name, kind: 'static keys' as const, mfa: false })),
    env: () => ({}),
    log: quiet,
  });
}
