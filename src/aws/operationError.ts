// A failed AWS call with what the user needs to place it: the operation, the profile and where
// it was sent. Commands wrap their calls with inOperation(); the command catch-all turns any
// failure into one sentence with describeFailure(). Both go through classifyError, as the tree
// does: the SDK's own text, which can carry a credential_process's output (passwords, tokens),
// never reaches a notification, the log or a command's answer.
import { classifyError, isCredentialProcessFailure, type ClassifiedError } from './errors';

export interface OperationContext {
  /** The IAM/STS action, e.g. "iam:UpdateAccessKey". */
  readonly operation: string;
  /** The profile whose credentials sign the call ('' is the SDK's default chain). */
  readonly profile: string;
  /** The endpoint setting ('' for AWS's own) and region the call was sent with. */
  readonly endpoint?: string;
  readonly region?: string;
}

export class OperationError extends Error {
  override readonly name = 'OperationError';
  constructor(
    readonly context: OperationContext,
    override readonly cause: unknown,
  ) {
    // The message is the classified sentence: whoever prints it prints nothing raw.
    super(describeFailure(cause, context).text);
  }
}

/** Runs one AWS call; a failure is rethrown as an OperationError that names the call and profile. */
export async function inOperation<T>(context: OperationContext | (() => OperationContext), call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof OperationError) throw error;
    throw new OperationError(typeof context === 'function' ? context() : context, error);
  }
}

export interface DescribedFailure {
  readonly problem: ClassifiedError;
  /** One line for a notification or the log: classified, with operation, profile and host. */
  readonly text: string;
}

/** The one sentence for any failure: classified, and placed when its context is known. */
export function describeFailure(error: unknown, context?: OperationContext): DescribedFailure {
  if (error instanceof OperationError && context === undefined) return describeFailure(error.cause, error.context);
  const problem = classifyError(error, context?.operation);
  const profile = context ? context.profile || 'default' : undefined;
  if (problem.kind === 'credentials' && isCredentialProcessFailure(error)) {
    const who = profile ? `The credential_process of profile ${profile}` : 'The profile\'s credential_process';
    const text = `${who} failed${context ? ` (${context.operation})` : ''}. Its output is not shown because it may hold secrets: run the command yourself to see why.`;
    return { problem, text };
  }
  const operation = context && !problem.message.includes(context.operation) ? context.operation : undefined;
  const place = context ? ` (${[operation, `profile ${profile}`, where(context)].filter(Boolean).join(', ')})` : '';
  const hint = problem.hint ? ` ${problem.hint}` : '';
  return { problem, text: `${problem.message}${place}.${hint}`.replace(/\.\.(?= |$)/, '.') };
}

/** The host a call went to: the endpoint setting's, or AWS's in the region. */
function where(context: OperationContext): string | undefined {
  if (context.endpoint) {
    try {
      return `endpoint ${new URL(context.endpoint).host}`;
    } catch {
      return 'the configured endpoint';
    }
  }
  return context.region ? `AWS endpoints of ${context.region}` : undefined;
}
