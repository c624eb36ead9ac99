// sts:AssumeRole across the organization: the role must exist in an active
// account, its trust policy must name the caller's account, and a required
// ExternalId must match; otherwise AccessDenied, worded as STS words it.
import { callerArn, type Caller } from '../auth';
import { ApiError, apiErrors } from '../protocol/errors';
import { field, wrap } from '../protocol/xml';
import type { OrgAccount, OrgWorld } from './orgWorld';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

export function assumeRole(params: URLSearchParams, caller: Caller, callerAccount: OrgAccount, world: OrgWorld): string {
  const roleArn = params.get('RoleArn') ?? '';
  const sessionName = params.get('RoleSessionName') ?? '';
  const match = ROLE_ARN.exec(roleArn);
  if (!match) throw apiErrors.validation(`${roleArn} is invalid`);
  if (!SESSION_NAME.test(sessionName)) {
    throw apiErrors.validation(
      `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: ` +
        'Member must satisfy regular expression pattern: [\\w+=,.@-]*',
    );
  }
  const durationText = params.get('DurationSeconds');
  const duration = durationText === null ? undefined : Number(durationText);
  if (duration !== undefined && !(Number.isInteger(duration) && duration >= 900 && duration <= 43_200)) {
    throw apiErrors.validation('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }
  const [, accountId, roleName] = match;
  const target = world.account(accountId);
  const role = target?.roles.get(roleName);
  const externalId = params.get('ExternalId') ?? undefined;
  const trusted =
    target !== undefined &&
    target.status === 'ACTIVE' &&
    role !== undefined &&
    role.trustedAccounts.has(callerAccount.id) &&
    (role.externalId === undefined || role.externalId === externalId);
  if (!target || !trusted) {
    throw new ApiError(
      'AccessDenied',
      403,
      `User: ${callerArn(caller, callerAccount.store)} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    );
  }
  const session = world.issueRoleSession(target, roleName, sessionName, duration);
  return (
    wrap(
      'Credentials',
      field('AccessKeyId', session.accessKeyId) +
        field('SecretAccessKey', session.secretAccessKey) +
        field('SessionToken', session.sessionToken) +
        field('Expiration', session.expiration),
    ) +
    wrap('AssumedRoleUser', field('AssumedRoleId', session.principal.userId) + field('Arn', session.principal.arn))
  );
}
