// Answers of the JSON APIs (Organizations' awsJson1_1, the portal's restJson):
// a status and an object; errors carry their type the way the SDK reads it.

export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
  /** Set on errors: sent as x-amzn-ErrorType and in the body's __type. */
  readonly errorType?: string;
}

export function jsonOk(body: unknown): JsonAnswer {
  return { status: 200, body };
}

export function jsonError(status: number, errorType: string, message: string): JsonAnswer {
  return { status, errorType, body: { __type: errorType, message } };
}
