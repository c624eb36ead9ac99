// AWS Organizations over awsJson1_1 (X-Amz-Target AWSOrganizationsV20161128.*):
// DescribeOrganization for any account of the organization, ListAccounts for
// the management account only, paged with NextToken (MaxResults 1–20).
import { jsonError, jsonOk, type JsonAnswer } from './jsonAnswer';
import type { OrgAccount, OrgWorld } from './orgWorld';
import { InvalidTokenError, pageOf } from './pageTokens';

export const ORGANIZATIONS_TARGET_PREFIX = 'AWSOrganizationsV20161128.';

export function answerOrganizations(
  operation: string,
  input: Record<string, unknown>,
  caller: OrgAccount,
  world: OrgWorld,
  shortPagesSeed: number | undefined,
): JsonAnswer {
  const management = world.management;
  switch (operation) {
    case 'DescribeOrganization':
      return jsonOk({
        Organization: {
          Id: world.organizationId,
          Arn: `arn:aws:organizations::${management.id}:organization/${world.organizationId}`,
          FeatureSet: 'ALL',
          MasterAccountArn: accountArn(world, management),
          MasterAccountId: management.id,
          MasterAccountEmail: management.email,
          AvailablePolicyTypes: [],
        },
      });
    case 'ListAccounts': {
      if (caller !== management) {
        return jsonError(400, 'AccessDeniedException', "You don't have permissions to access this resource.");
      }
      const maxResults = input.MaxResults === undefined ? 20 : input.MaxResults;
      if (typeof maxResults !== 'number' || !Number.isInteger(maxResults) || maxResults < 1 || maxResults > 20) {
        return jsonError(400, 'InvalidInputException', 'You provided a value that does not match the required pattern.');
      }
      const token = typeof input.NextToken === 'string' ? input.NextToken : undefined;
      try {
        const page = pageOf(world.accounts, { list: 'accounts', maxResults, token, shortPagesSeed });
        return jsonOk({ Accounts: page.items.map((account) => accountJson(world, account)), NextToken: page.nextToken });
      } catch (error) {
        if (error instanceof InvalidTokenError) return jsonError(400, 'InvalidInputException', 'You specified an invalid value for nextToken.');
        throw error;
      }
    }
    default:
      return jsonError(400, 'UnknownOperationException', `Operation ${operation} is not supported by this endpoint.`);
  }
}

function accountJson(world: OrgWorld, account: OrgAccount): Record<string, unknown> {
  return {
    Id: account.id,
    Arn: accountArn(world, account),
    Email: account.email,
    Name: account.name,
    Status: account.status,
    State: account.status,
    JoinedMethod: account === world.management ? 'CREATED' : 'INVITED',
    JoinedTimestamp: account.joined.getTime() / 1000,
  };
}

function accountArn(world: OrgWorld, account: OrgAccount): string {
  return `arn:aws:organizations::${world.management.id}:account/${world.organizationId}/${account.id}`;
}

