// The IAM calls that change keys. Kept apart from IamApi: only the write commands and the
// rotation use them, and only while iamKeys.allowWriteActions is on.
import type { AccessKey, AccessKeyStatus } from '../core/types';
import type { SecretText } from '../core/secretText';

export interface CreatedAccessKey {
  readonly key: AccessKey;
  /** IAM hands the secret out once, here. */
  readonly secret: SecretText;
}

export interface IamWriteApi {
  /** Without `userName`: a key for the user whose key signs the request. */
  createAccessKey(userName?: string, signal?: AbortSignal): Promise<CreatedAccessKey>;
  updateAccessKey(accessKeyId: string, status: Exclude<AccessKeyStatus, 'Expired'>, userName?: string, signal?: AbortSignal): Promise<void>;
  deleteAccessKey(accessKeyId: string, userName?: string, signal?: AbortSignal): Promise<void>;
}
