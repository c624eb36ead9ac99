// IamApi over the real AWS SDK v3 clients: one IAM and one STS client per connection.
import {
  CreateAccessKeyCommand,
  DeleteAccessKeyCommand,
  GenerateCredentialReportCommand,
  GetAccessKeyLastUsedCommand,
  GetCredentialReportCommand,
  UpdateAccessKeyCommand,
  type IAMClient,
  ListAccessKeysCommand,
  ListUsersCommand,
  type AccessKeyMetadata,
  type User,
  paginateListAccessKeys,
  paginateListUsers,
} from '@aws-sdk/client-iam';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { AccessKey, AccessKeyLastUsed, AccessKeyStatus, CallerIdentity, IamUser, Page } from '../../core/types';
import type { CredentialReportState, IamApi } from '../iamApi';
import { ListedAccessKey, ListedUser } from './listedRecords';
import type { SdkHost } from './sdkHost';
import type { CreatedAccessKey, IamWriteApi } from '../iamWriteApi';

const EPOCH = new Date(0);

export class SdkIamApi implements IamApi, IamWriteApi {
  constructor(
    private readonly iam: IAMClient,
    private readonly sts: STSClient,
    private readonly host: Pick<SdkHost, 'secret'>,
  ) {}

  async getCallerIdentity(signal?: AbortSignal): Promise<CallerIdentity> {
    const out = await this.sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal });
    return { Account: out.Account ?? '', Arn: out.Arn ?? '', UserId: out.UserId ?? '' };
  }

  async listUsers(request: { maxItems: number; marker?: string; pathPrefix?: string; abortSignal?: AbortSignal }): Promise<Page<IamUser>> {
    const out = await this.iam.send(
      new ListUsersCommand({ MaxItems: request.maxItems, Marker: request.marker, PathPrefix: request.pathPrefix }),
      { abortSignal: request.abortSignal },
    );
    return { items: (out.Users ?? []).map(toUser), nextMarker: out.IsTruncated ? out.Marker : undefined };
  }

  async listAccessKeys(request: { maxItems: number; marker?: string; userName?: string; abortSignal?: AbortSignal }): Promise<Page<AccessKey>> {
    const out = await this.iam.send(
      new ListAccessKeysCommand({ MaxItems: request.maxItems, Marker: request.marker, UserName: request.userName }),
      { abortSignal: request.abortSignal },
    );
    const items = (out.AccessKeyMetadata ?? []).map((k) => toAccessKey(k, request.userName));
    return { items, nextMarker: out.IsTruncated ? out.Marker : undefined };
  }

  async listAllUsers(options: { pageSize: number; signal?: AbortSignal }): Promise<IamUser[]> {
    const users: IamUser[] = [];
    const pages = paginateListUsers({ client: this.iam, pageSize: options.pageSize }, {});
    for await (const page of pages) {
      options.signal?.throwIfAborted();
      users.push(...(page.Users ?? []).map(toUser));
    }
    return users;
  }

  async listAllAccessKeys(userName: string, options: { pageSize: number; signal?: AbortSignal }): Promise<AccessKey[]> {
    const keys: AccessKey[] = [];
    const pages = paginateListAccessKeys({ client: this.iam, pageSize: options.pageSize }, { UserName: userName });
    for await (const page of pages) {
      options.signal?.throwIfAborted();
      keys.push(...(page.AccessKeyMetadata ?? []).map((k) => toAccessKey(k, userName)));
    }
    return keys;
  }

  async getAccessKeyLastUsed(accessKeyId: string, signal?: AbortSignal): Promise<AccessKeyLastUsed> {
    const out = await this.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: accessKeyId }), { abortSignal: signal });
    const last = out.AccessKeyLastUsed;
    return {
      UserName: out.UserName ?? '',
      LastUsedDate: last?.LastUsedDate,
      ServiceName: last?.ServiceName ?? 'N/A',
      Region: last?.Region ?? 'N/A',
    };
  }

  async getAccessKeyAccount(accessKeyId: string, signal?: AbortSignal): Promise<string> {
    const out = await this.sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: accessKeyId }), { abortSignal: signal });
    return out.Account ?? '';
  }

  async createAccessKey(userName?: string, signal?: AbortSignal): Promise<CreatedAccessKey> {
    const out = await this.iam.send(new CreateAccessKeyCommand({ UserName: userName }), { abortSignal: signal });
    const made = out.AccessKey;
    if (!made?.AccessKeyId || !made.SecretAccessKey) throw new Error('CreateAccessKey answered without a key');
    const secret = this.host.secret(made.SecretAccessKey);
    const key = toAccessKey({ UserName: made.UserName, AccessKeyId: made.AccessKeyId, Status: made.Status, CreateDate: made.CreateDate }, userName);
    return { key, secret };
  }

  async updateAccessKey(accessKeyId: string, status: 'Active' | 'Inactive', userName?: string, signal?: AbortSignal): Promise<void> {
    await this.iam.send(new UpdateAccessKeyCommand({ AccessKeyId: accessKeyId, Status: status, UserName: userName }), { abortSignal: signal });
  }

  async deleteAccessKey(accessKeyId: string, userName?: string, signal?: AbortSignal): Promise<void> {
    await this.iam.send(new DeleteAccessKeyCommand({ AccessKeyId: accessKeyId, UserName: userName }), { abortSignal: signal });
  }

  async generateCredentialReport(signal?: AbortSignal): Promise<CredentialReportState> {
    const out = await this.iam.send(new GenerateCredentialReportCommand({}), { abortSignal: signal });
    return (out.State ?? 'STARTED') as CredentialReportState;
  }

  async getCredentialReport(signal?: AbortSignal): Promise<{ csv: string; generatedAt: Date }> {
    const out = await this.iam.send(new GetCredentialReportCommand({}), { abortSignal: signal });
    return { csv: Buffer.from(out.Content ?? new Uint8Array()).toString('utf8'), generatedAt: out.GeneratedTime ?? EPOCH };
  }
}

// Mapping keeps one copy of what repeats across thousands of keys and dates as numbers (#22,
// 100 accounts × 1,000 keys in the bench): the SDK parses a new string and Date for every
// field of every item.

function toUser(u: User): IamUser {
  const path = u.Path === undefined || u.Path === '/' ? '/' : u.Path;
  return new ListedUser(u.UserName ?? '', u.UserId ?? '', u.Arn ?? '', path, u.CreateDate ?? EPOCH, u.PasswordLastUsed);
}

function toAccessKey(k: AccessKeyMetadata, askedFor: string | undefined): AccessKey {
  // Root's keys come back without a UserName; a user's keys share the name asked with.
  const userName = k.UserName === undefined || k.UserName === askedFor ? (askedFor ?? '') : k.UserName;
  return ListedAccessKey.of(userName, k.AccessKeyId ?? '', statusOf(k.Status), k.CreateDate ?? EPOCH);
}

/** The status as the one shared literal string. */
function statusOf(status: string | undefined): AccessKeyStatus {
  if (status === 'Active') return 'Active';
  if (status === 'Inactive' || status === undefined) return 'Inactive';
  return status as AccessKeyStatus;
}
