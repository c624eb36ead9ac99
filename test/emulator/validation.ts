// Input constraints from the IAM/STS service models (lengths, patterns, ranges),
// reported the way AWS does: every violation of the request in one
// ValidationError, "N validation error(s) detected: Value 'x' at 'member'
// failed to satisfy constraint: Member must …; …".
import { apiErrors } from './protocol/errors';

export interface StringConstraint {
  readonly min: number;
  readonly max: number;
  /** Pattern as AWS prints it in messages (matched against the whole value). */
  readonly pattern?: string;
  readonly enumValues?: readonly string[];
}

/** userNameType: names of new users (CreateUser). */
export const NEW_USER_NAME: StringConstraint = { min: 1, max: 64, pattern: '[\\w+=,.@-]+' };
/** existingUserNameType: names of users looked up (GetUser, ListAccessKeys, key actions). */
export const EXISTING_USER_NAME: StringConstraint = { min: 1, max: 128, pattern: '[\\w+=,.@-]+' };
export const ACCESS_KEY_ID: StringConstraint = { min: 16, max: 128, pattern: '[\\w]+' };
/** STS accessKeyIdType allows an empty match of the pattern; length still 16–128. */
export const STS_ACCESS_KEY_ID: StringConstraint = { min: 16, max: 128, pattern: '[\\w]*' };
export const PATH_PREFIX: StringConstraint = { min: 1, max: 512, pattern: '\\u002F[\\u0021-\\u007F]*' };
export const PATH: StringConstraint = { min: 1, max: 512, pattern: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)' };
export const MARKER: StringConstraint = { min: 1, max: 320, pattern: '[\\u0020-\\u00FF]+' };
export const KEY_STATUS: StringConstraint = { min: 1, max: 64, enumValues: ['Active', 'Inactive', 'Expired'] };

export const MAX_ITEMS_RANGE = { min: 1, max: 1000 } as const;
export const DEFAULT_MAX_ITEMS = 100;

/** Collects violations of one request, then throws them together. */
export class RequestValidator {
  private readonly violations: string[] = [];

  /** Checks a string parameter; returns it when present. `member` is the lowerCamel name AWS prints. */
  string(member: string, value: string | undefined, constraint: StringConstraint, required = false): string | undefined {
    if (value === undefined) {
      if (required) this.violations.push(`Value null at '${member}' failed to satisfy constraint: Member must not be null`);
      return undefined;
    }
    const prefix = `Value '${value}' at '${member}' failed to satisfy constraint: Member must`;
    if (constraint.enumValues && !constraint.enumValues.includes(value)) {
      this.violations.push(`${prefix} satisfy enum value set: [${constraint.enumValues.join(', ')}]`);
    }
    if (constraint.pattern && !wholeMatch(constraint.pattern, value)) {
      this.violations.push(`${prefix} satisfy regular expression pattern: ${constraint.pattern}`);
    }
    if (value.length < constraint.min) {
      this.violations.push(`${prefix} have length greater than or equal to ${constraint.min}`);
    }
    if (value.length > constraint.max) {
      this.violations.push(`${prefix} have length less than or equal to ${constraint.max}`);
    }
    return value;
  }

  /** MaxItems: an integer in 1–1000; the default when absent. */
  maxItems(value: string | undefined): number {
    if (value === undefined) return DEFAULT_MAX_ITEMS;
    if (!/^-?\d+$/.test(value.trim())) {
      this.violations.push(`Value '${value}' at 'maxItems' failed to satisfy constraint: Member must be a number`);
      return DEFAULT_MAX_ITEMS;
    }
    const parsed = Number(value.trim());
    if (parsed < MAX_ITEMS_RANGE.min) {
      this.violations.push(
        `Value '${parsed}' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to ${MAX_ITEMS_RANGE.min}`,
      );
    } else if (parsed > MAX_ITEMS_RANGE.max) {
      this.violations.push(
        `Value '${parsed}' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to ${MAX_ITEMS_RANGE.max}`,
      );
    }
    return parsed;
  }

  /** Throws one ValidationError listing every violation, if any. */
  throwIfInvalid(): void {
    const count = this.violations.length;
    if (count === 0) return;
    const noun = count === 1 ? 'validation error' : 'validation errors';
    throw apiErrors.validation(`${count} ${noun} detected: ${this.violations.join('; ')}`);
  }
}

const compiledPatterns = new Map<string, RegExp>();

/** AWS model patterns are Java regexes matched against the whole value; \uXXXX escapes work as-is in JS. */
function wholeMatch(pattern: string, value: string): boolean {
  let regex = compiledPatterns.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`);
    compiledPatterns.set(pattern, regex);
  }
  return regex.test(value);
}
