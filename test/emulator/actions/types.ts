// What every action handler gets and gives back.
import type { Caller } from '../auth';
import type { PagingOptions } from '../paging';
import type { IamStore } from '../store';
import type { CredentialReportState } from './credentialReport';

export type ServiceName = 'iam' | 'sts';

/** API version each service's Query requests must name. */
export const SERVICE_VERSIONS: Readonly<Record<ServiceName, string>> = {
  iam: '2010-05-08',
  sts: '2011-06-15',
};

export interface ActionContext {
  readonly store: IamStore;
  readonly caller: Caller;
  readonly params: URLSearchParams;
  readonly paging: PagingOptions;
  readonly credentialReport: CredentialReportState;
  /** ms before a key made now can sign (FaultConfig.propagationDelayMs). */
  readonly keyPropagationMs?: number;
}

export interface ActionOutcome {
  /** Inner XML of <ActionResult>; undefined for actions without output. */
  readonly resultXml?: string;
  /** The user the call was about (explicit or implied), for per-user counters. */
  readonly subjectUserName?: string;
  /** The access key a write action made, changed or deleted (for the write log). */
  readonly subjectAccessKeyId?: string;
}

export interface ActionDefinition {
  readonly service: ServiceName;
  readonly run: (context: ActionContext) => ActionOutcome;
}

/** A request parameter, undefined when absent (URLSearchParams gives null). */
export function param(context: ActionContext, name: string): string | undefined {
  return context.params.get(name) ?? undefined;
}
