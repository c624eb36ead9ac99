// Every emulated action, by its Query-protocol name.
import { CREDENTIAL_REPORT_ACTIONS } from './credentialReport';
import { IAM_ACTIONS } from './iamActions';
import { STS_ACTIONS } from './stsActions';
import type { ActionDefinition } from './types';

export const ACTIONS: Readonly<Record<string, ActionDefinition>> = {
  ...IAM_ACTIONS,
  ...CREDENTIAL_REPORT_ACTIONS,
  ...STS_ACTIONS,
};

export { SERVICE_VERSIONS, type ActionContext, type ActionDefinition, type ServiceName } from './types';
export { CredentialReportState } from './credentialReport';
