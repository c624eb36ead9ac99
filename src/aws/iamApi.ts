// The one interface the views, commands and hover use to reach IAM and STS.
export type CredentialReportState = 'STARTED' | 'INPROGRESS' | 'COMPLETE';
import type {
  AccessKey,
  AccessKeyLastUsed,
  CallerIdentity,
  IamUser,
  Page,
  PageRequest,
} from '../core/types';

export interface IamApi {
  getCallerIdentity(signal?: AbortSignal): Promise<CallerIdentity>;
  listUsers(request: PageRequest & { pathPrefix?: string }): Promise<Page<IamUser>>;
  /** Without `userName`, IAM answers for the user whose key signed the request (or root). */
  listAccessKeys(request: PageRequest & { userName?: string }): Promise<Page<AccessKey>>;
  /** Every user, through the SDK's paginator (for exports, where the whole list is wanted). */
  listAllUsers(options: { pageSize: number; signal?: AbortSignal }): Promise<IamUser[]>;
  /** Every key of one user, through the SDK's paginator. */
  listAllAccessKeys(userName: string, options: { pageSize: number; signal?: AbortSignal }): Promise<AccessKey[]>;
  getAccessKeyLastUsed(accessKeyId: string, signal?: AbortSignal): Promise<AccessKeyLastUsed>;
  /** STS GetAccessKeyInfo: the account that owns a key, whatever account asks. */
  getAccessKeyAccount(accessKeyId: string, signal?: AbortSignal): Promise<string>;
  /** GenerateCredentialReport: the report's state (IAM makes a new one at most every 4 hours). */
  generateCredentialReport(signal?: AbortSignal): Promise<CredentialReportState>;
  /** GetCredentialReport: the CSV and when it was generated; throws ReportInProgress while it is being made. */
  getCredentialReport(signal?: AbortSignal): Promise<{ csv: string; generatedAt: Date }>;
}
