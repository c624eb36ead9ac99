// A secret access key held so that it cannot reach a log, a message or JSON by accident:
// String(), template literals, JSON.stringify and util.inspect all give "[redacted]". Only
// reveal() gives the text, and only the code that signs or writes the credentials file calls it.

const REDACTED_TEXT = '[redacted]';

/** @perBundle told by its shape (isSecretText), never by instanceof; equals() compares revealed values. */
export class SecretText {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The secret itself: for signing and for the credentials file, nothing else. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED_TEXT;
  }

  toJSON(): string {
    return REDACTED_TEXT;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return REDACTED_TEXT;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED_TEXT;
  }
}

/**
 * Whether a value is a SecretText of any bundle's copy (sdk.js's secrets are made by
 * extension.js's class, the rotation journal checks in features.js): by shape, not instanceof.
 */
export function isSecretText(value: unknown): value is SecretText {
  return typeof value === 'object' && value !== null && typeof (value as { reveal?: unknown }).reveal === 'function' && String(value) === REDACTED_TEXT;
}
