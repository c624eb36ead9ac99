// The IAM Identity Center portal calls of an Identity Center source (src/aws/organization/
// identityCenterSource.ts), on the SDK's side of the lazy boundary: each call reads the token
// `aws sso login` cached (ssoToken.ts), waits for its turn (`pace`), and turns
// UnauthorizedException into "run aws sso login".
import { GetRoleCredentialsCommand, ListAccountRolesCommand, ListAccountsCommand, type SSOClient } from '@aws-sdk/client-sso';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { Page } from '../../core/types';
import { ClientFactory } from './clientFactory';
import type { ConnectionHooks, ConnectionSettings } from './connectionTypes';
import type { SdkHost } from './sdkHost';
import { readSsoAccessToken, readSsoProfile, SsoLoginNeededError, type SsoProfile } from './ssoToken';

const PAGE_SIZE = 100;

export interface PortalAccountRecord {
  readonly id: string;
  readonly name: string;
}

export interface IdentityCenterApi {
  listAccounts(token: string | undefined, signal: AbortSignal): Promise<Page<PortalAccountRecord>>;
  /** The names of the roles assigned to the user in an account, one page. */
  listAccountRoles(accountId: string, token: string | undefined, signal: AbortSignal): Promise<Page<string>>;
  getRoleCredentials(accountId: string, roleName: string): Promise<AwsCredentialIdentity>;
  dispose(): void;
}

export function createIdentityCenterApi(
  host: SdkHost,
  settings: ConnectionSettings,
  hooks: ConnectionHooks,
  pace: (signal?: AbortSignal) => Promise<void>,
): IdentityCenterApi {
  const profile = settings.profile;
  const factory = new ClientFactory(settings, host, hooks);
  let client: SSOClient | undefined;
  let ssoProfile: Promise<SsoProfile> | undefined;

  /** One paced portal call with the cached token; UnauthorizedException means: log in again. */
  async function portal<T>(signal: AbortSignal | undefined, call: (sso: SSOClient, accessToken: string) => Promise<T>): Promise<T> {
    const sso = await (ssoProfile ??= readSsoProfile(profile).catch((error: unknown) => {
      ssoProfile = undefined;
      throw error;
    }));
    const accessToken = await readSsoAccessToken(sso);
    await pace(signal);
    client ??= factory.ssoPortal(sso.ssoRegion);
    try {
      return await call(client, accessToken);
    } catch (error) {
      if ((error as { name?: unknown }).name === 'UnauthorizedException') {
        throw new SsoLoginNeededError(profile, `The IAM Identity Center session of profile "${profile}" is no longer valid`);
      }
      throw error;
    }
  }

  return {
    async listAccounts(token, signal) {
      const out = await portal(signal, (sso, accessToken) =>
        sso.send(new ListAccountsCommand({ accessToken, nextToken: token, maxResults: PAGE_SIZE }), { abortSignal: signal }),
      );
      const items = (out.accountList ?? []).map((a): PortalAccountRecord => ({ id: a.accountId ?? '', name: a.accountName ?? a.accountId ?? '' }));
      return { items, nextMarker: out.nextToken || undefined };
    },
    async listAccountRoles(accountId, token, signal) {
      const out = await portal(signal, (sso, accessToken) =>
        sso.send(new ListAccountRolesCommand({ accessToken, accountId, nextToken: token, maxResults: PAGE_SIZE }), { abortSignal: signal }),
      );
      return { items: (out.roleList ?? []).map((r) => r.roleName ?? ''), nextMarker: out.nextToken || undefined };
    },
    async getRoleCredentials(accountId, roleName) {
      const out = await portal(undefined, (sso, accessToken) => sso.send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName })));
      const c = out.roleCredentials;
      if (!c?.accessKeyId || !c.secretAccessKey) throw new Error(`GetRoleCredentials for ${accountId} returned no credentials`);
      return {
        accessKeyId: c.accessKeyId,
        secretAccessKey: c.secretAccessKey,
        sessionToken: c.sessionToken,
        expiration: c.expiration === undefined ? undefined : new Date(c.expiration),
      };
    },
    dispose() {
      factory.dispose();
      client = undefined;
    },
  };
}
