// Small domain types shared by the client, the tree, the commands and the hover.
// They mirror IAM's own field names so JSON output can stay in IAM's shape.

export type AccessKeyStatus = 'Active' | 'Inactive' | 'Expired';

export interface IamUser {
  readonly UserName: string;
  readonly UserId: string;
  readonly Arn: string;
  readonly Path: string;
  readonly CreateDate: Date;
  readonly PasswordLastUsed?: Date;
}

export interface AccessKey {
  readonly UserName: string;
  readonly AccessKeyId: string;
  readonly Status: AccessKeyStatus;
  readonly CreateDate: Date;
}

export interface AccessKeyLastUsed {
  /** Owner of the key, as GetAccessKeyLastUsed names it. */
  readonly UserName: string;
  /** Absent when the key was never used (or not since IAM began tracking). */
  readonly LastUsedDate?: Date;
  readonly ServiceName: string;
  readonly Region: string;
}

export interface CallerIdentity {
  readonly Account: string;
  readonly Arn: string;
  readonly UserId: string;
}

/** One page of an IAM list call. `nextMarker` is set exactly when the answer said IsTruncated. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextMarker?: string;
}

export interface PageRequest {
  readonly maxItems: number;
  readonly marker?: string;
  readonly abortSignal?: AbortSignal;
}
