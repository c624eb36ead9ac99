// A hover lookup's answer and where it came from (the facts themselves: aws/keyInfo).
import type { KeyInfo } from '../../aws/keyInfo';

export type { KeyInfo } from '../../aws/keyInfo';

/**
 * Where an answer came from; 'key-id' for an account read from the ID itself, 'none' for
 * answers made without asking anyone (limit, no connection).
 */
export type LookupSource = 'explorer' | 'cache' | 'key-id' | 'aws' | 'none';

export interface LookupResult {
  readonly info: KeyInfo;
  readonly source: LookupSource;
}
