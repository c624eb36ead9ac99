// The extension-side parts dist/sdk.js uses (see src/aws/sdk/sdkHost.ts), one copy each.
import { SecretText } from '../core/secretText';
import { validateEndpoint } from '../core/validation';
import { EndpointRefusedError, requestAllowed } from './endpointRule';
import { noteTriedHost } from './triedHost';
import type { SdkHost } from './sdk/sdkHost';

export const sdkHost: SdkHost = {
  validateEndpoint,
  requestAllowed,
  endpointRefused: (message) => new EndpointRefusedError(message),
  secret: (value) => new SecretText(value),
  noteTriedHost,
};
