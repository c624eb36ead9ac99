// The IAM Identity Center portal API (what @aws-sdk/client-sso calls): bearer
// token in x-amz-sso_bearer_token; GET /assignment/accounts, /assignment/roles
// (paged with next_token / max_result) and /federation/credentials, which
// hands out a role session in the chosen account.
import { jsonError, jsonOk, type JsonAnswer } from './jsonAnswer';
import type { OrgWorld } from './orgWorld';
import { InvalidTokenError, pageOf } from './pageTokens';

export const PORTAL_PATHS = ['/assignment/accounts', '/assignment/roles', '/federation/credentials'];

export function answerPortal(
  path: string,
  query: URLSearchParams,
  bearerToken: string | undefined,
  world: OrgWorld,
  shortPagesSeed: number | undefined,
): JsonAnswer {
  const token = bearerToken === undefined ? undefined : world.ssoTokens.get(bearerToken);
  if (!token || token.expiresAt.getTime() <= Date.now()) {
    return jsonError(401, 'UnauthorizedException', 'Session token not found or invalid');
  }
  const maxText = query.get('max_result');
  const maxResults = maxText === null ? 20 : Number(maxText);
  if (!(Number.isInteger(maxResults) && maxResults >= 1 && maxResults <= 100)) {
    return jsonError(400, 'InvalidRequestException', 'Invalid max_result');
  }
  const nextToken = query.get('next_token') ?? undefined;
  const accountId = query.get('account_id') ?? undefined;
  try {
    switch (path) {
      case '/assignment/accounts': {
        const accounts = world.accounts.filter((account) => token.assignments.has(account.id));
        const page = pageOf(accounts, { list: 'accounts', maxResults, token: nextToken, shortPagesSeed });
        return jsonOk({
          accountList: page.items.map((a) => ({ accountId: a.id, accountName: a.name, emailAddress: a.email })),
          nextToken: page.nextToken,
        });
      }
      case '/assignment/roles': {
        if (accountId === undefined) return jsonError(400, 'InvalidRequestException', 'account_id is required');
        const roles = token.assignments.get(accountId) ?? [];
        const page = pageOf(roles, { list: `roles:${accountId}`, maxResults, token: nextToken, shortPagesSeed });
        return jsonOk({ roleList: page.items.map((roleName) => ({ roleName, accountId })), nextToken: page.nextToken });
      }
      case '/federation/credentials': {
        const roleName = query.get('role_name') ?? undefined;
        const account = accountId === undefined ? undefined : world.account(accountId);
        if (!account || roleName === undefined || !(token.assignments.get(account.id) ?? []).includes(roleName) || account.status !== 'ACTIVE') {
          return jsonError(403, 'ForbiddenException', 'No access');
        }
        const session = world.issueRoleSession(account, roleName, 'sso-user');
        return jsonOk({
          roleCredentials: {
            accessKeyId: session.accessKeyId,
            secretAccessKey: session.secretAccessKey,
            sessionToken: session.sessionToken,
            expiration: session.expiration.getTime(),
          },
        });
      }
      default:
        return jsonError(404, 'ResourceNotFoundException', `No route ${path}`);
    }
  } catch (error) {
    if (error instanceof InvalidTokenError) return jsonError(400, 'InvalidRequestException', 'Invalid next_token');
    throw error;
  }
}
