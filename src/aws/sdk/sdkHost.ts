// What dist/sdk.js takes from the extension's side of the lazy boundary, handed over by
// src/aws/sdkLoader.ts when the SDK loads rather than bundled a second time: the one endpoint
// rule, its error class, and the one SecretText class (a copy would break `instanceof`).
import type { SecretText } from '../../core/secretText';
import type { ValidationResult } from '../../core/validation';

export interface SdkHost {
  /** The iamKeys.endpoint rule (https://, or http:// on this machine; empty = AWS's own). */
  validateEndpoint(value: string): ValidationResult;
  /** Whether a request to protocol + hostname passes the same rule. */
  requestAllowed(protocol: string | undefined, hostname: string | undefined): boolean;
  /** The error a refused endpoint or request throws (EndpointRefusedError). */
  endpointRefused(message: string): Error;
  /** A secret access key the SDK returned, wrapped so no log or JSON shows it. */
  secret(value: string): SecretText;
  /** Notes on a failed request's error the host it went to (src/aws/triedHost.ts). */
  noteTriedHost(error: unknown, request: unknown): void;
}
