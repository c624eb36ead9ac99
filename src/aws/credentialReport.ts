// The credential report in 2–3 calls whatever the number of users: GenerateCredentialReport
// (IAM reuses a report for up to 4 hours, answering COMPLETE), then GetCredentialReport, polled
// while IAM answers ReportInProgress. AccessDenied is thrown as is: callers fall back to live
// calls (ListAccessKeys + GetAccessKeyLastUsed per user).
import { parseCredentialReport, type CredentialReport, type ReadCsv } from '../core/credentialReport';
import { AbortError } from '../core/concurrency';
import type { IamApi } from './iamApi';

export interface FetchReportOptions {
  /** Reads the CSV (src/aws/csvReader.ts). */
  readonly readCsv: ReadCsv;
  readonly signal?: AbortSignal;
  /** Wait between GetCredentialReport polls while the report is being made (default 2 s). */
  readonly pollIntervalMs?: number;
  /** Give up after this long (default 120 s). */
  readonly maxWaitMs?: number;
  /** Called once per IAM call, with its action name (counts for logs, tests and the bench). */
  readonly onCall?: (action: 'GenerateCredentialReport' | 'GetCredentialReport') => void;
}

export interface FetchedReport {
  readonly report: CredentialReport;
  /** IAM calls made, polls included. */
  readonly calls: number;
}

type ReportError = 'in-progress' | 'expired' | 'not-present';

/** The SDK names these by exception class, the wire by code: both are recognised. */
function reportError(error: unknown): ReportError | undefined {
  const e = error as { name?: unknown; Code?: unknown; code?: unknown } | undefined;
  const names = [e?.name, e?.Code, e?.code].filter((v): v is string => typeof v === 'string');
  if (names.some((n) => n === 'ReportInProgress' || n === 'CredentialReportNotReadyException')) return 'in-progress';
  if (names.some((n) => n === 'ReportExpired' || n === 'CredentialReportExpiredException')) return 'expired';
  if (names.some((n) => n === 'ReportNotPresent' || n === 'CredentialReportNotPresentException')) return 'not-present';
  return undefined;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export async function fetchCredentialReport(api: IamApi, options: FetchReportOptions): Promise<FetchedReport> {
  const pollMs = options.pollIntervalMs ?? 2000;
  const deadline = Date.now() + (options.maxWaitMs ?? 120_000);
  let calls = 0;
  const generate = async (): Promise<string> => {
    calls++;
    options.onCall?.('GenerateCredentialReport');
    return api.generateCredentialReport(options.signal);
  };
  let state = await generate();
  // A report being made is rarely ready at once: wait one interval before the first read.
  if (state !== 'COMPLETE') await sleep(pollMs, options.signal);
  for (;;) {
    options.signal?.throwIfAborted();
    try {
      calls++;
      options.onCall?.('GetCredentialReport');
      const { csv, generatedAt } = await api.getCredentialReport(options.signal);
      return { report: parseCredentialReport(csv, generatedAt, options.readCsv), calls };
    } catch (error) {
      const kind = reportError(error);
      if (kind === undefined) throw error;
      if (Date.now() >= deadline) throw new Error(`IAM did not finish the credential report in time (last answer: ${kind})`);
      // Expired or missing (another caller's report aged out between the calls): ask for a new one.
      if (kind !== 'in-progress') state = await generate();
      await sleep(pollMs, options.signal);
    }
  }
}
