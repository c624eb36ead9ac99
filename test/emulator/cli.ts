// Runs the emulator in the foreground:
//   node out/test/emulator/cli.js --port 4599 [--users N] [--seed S] [--latency-ms L]
//     [--jitter-ms J] [--short-pages] [--demo] [--throttle-rate R] [--deny ListUsers,...]
//     [--no-verify-signatures] [--track-key-usage] [--propagation-ms P]
// First line: "IAM emulator listening on http://127.0.0.1:PORT"; then the built-in
// identities' test credentials (fake values, safe to print). Ctrl-C / SIGTERM stop it.
import { credentialsFileText, startIamEmulator, type FaultConfig, type IamEmulatorOptions } from './index';

const USAGE =
  'usage: node out/test/emulator/cli.js --port PORT [--users N] [--seed S] [--latency-ms L] [--jitter-ms J]\n' +
  '         [--short-pages] [--demo] [--throttle-rate R] [--deny Action1,Action2] [--no-verify-signatures]\n' +
  '         [--track-key-usage] [--propagation-ms P] [--report-delay-ms D]';

/** Parses the command line; throws with a message on anything unknown or malformed. */
export function parseCliArgs(argv: readonly string[]): IamEmulatorOptions {
  const options: { -readonly [K in keyof IamEmulatorOptions]: IamEmulatorOptions[K] } = {};
  const faults: { throttleRate?: number; denyActions?: string[]; propagationDelayMs?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--port': options.port = integer(flag, value(), 0, 65535); break;
      case '--users': options.users = integer(flag, value(), 0, 1_000_000); break;
      case '--seed': options.seed = integer(flag, value(), 0, 2 ** 32 - 1); break;
      case '--latency-ms': options.latencyMs = integer(flag, value(), 0, 600_000); break;
      case '--jitter-ms': options.jitterMs = integer(flag, value(), 0, 600_000); break;
      case '--short-pages': options.shortPages = true; break;
      case '--demo': options.demo = true; break;
      case '--no-verify-signatures': options.verifySignatures = false; break;
      case '--track-key-usage': options.trackKeyUsage = true; break;
      case '--report-delay-ms': options.credentialReportDelayMs = integer(flag, value(), 0, 3_600_000); break;
      case '--throttle-rate': faults.throttleRate = rate(flag, value()); break;
      case '--deny': faults.denyActions = value().split(',').map((a) => a.trim()).filter((a) => a !== ''); break;
      case '--propagation-ms': faults.propagationDelayMs = integer(flag, value(), 0, 600_000); break;
      case '--help': case '-h': throw new Error(USAGE);
      default: throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  if (options.port === undefined) throw new Error(`--port is required (0 picks a free one)\n${USAGE}`);
  if (Object.keys(faults).length > 0) options.faults = faults satisfies FaultConfig;
  return options;
}

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new Error(`${flag} must be an integer from ${min} to ${max}`);
  return value;
}

function rate(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !(value >= 0 && value <= 1)) throw new Error(`${flag} must be a number from 0 to 1`);
  return value;
}

async function main(): Promise<void> {
  let options: IamEmulatorOptions;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
    return;
  }
  const emulator = await startIamEmulator(options);
  console.log(`IAM emulator listening on ${emulator.url}`);
  console.log(`account ${emulator.store.accountId}, ${emulator.store.users().length} users`);
  console.log('built-in identities (fake test credentials, as an AWS credentials file):\n');
  console.log(credentialsFileText(emulator.identities));
  console.log(`admin: GET ${emulator.url}/__admin/counters, POST ${emulator.url}/__admin/faults`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping IAM emulator`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) void main();
