// The session a command runs in when it names `account` (a 12-digit ID): a profile signed in
// to that account, else the member account of a configured organization or Identity Center
// profile — listed if need be (ListAccounts only) and entered (one AssumeRole, once).
import { classifyError } from '../../aws/errors';
import type { ConnectionSession } from '../../aws/connectionSession';
import { isAccountId } from '../../core/orgSettings';
import type { CommandDeps } from '../../commands/deps';

export async function sessionForAccount(account: unknown, deps: CommandDeps): Promise<{ session: ConnectionSession } | { error: string }> {
  if (!isAccountId(account)) return { error: `account must be a 12-digit AWS account ID, not ${JSON.stringify(account)}.` };
  const organizations = deps.organizations;
  let listed = organizations?.findListed(account);
  if (!listed && organizations) {
    await organizations.listAll();
    listed = organizations.findListed(account);
  }
  if (listed) {
    const entered = await listed.source.traversal.enter(listed.account);
    if (entered.kind === 'entered') return { session: entered.session };
    if (entered.kind === 'failed') return { error: `Account ${account}: ${classifyError(entered.error, 'sts:AssumeRole').message}` };
    if (entered.kind === 'skipped') return { error: `Account ${account} is ${entered.reason === 'inactive' ? listed.account.status.toLowerCase() : 'excluded in the settings'}: it is not entered.` };
    return { error: `Account ${account}: the settings changed while entering it; try again.` };
  }
  const session = await deps.sessions.byAccount(account);
  if (session) return { session };
  return { error: `No profile, organization or Identity Center profile in the settings reaches account ${account}.` };
}

/** Profile sessions plus every listed member account's session (listing them if organizations are set). */
export async function sessionsWithMembers(deps: CommandDeps): Promise<ConnectionSession[]> {
  const profiles = await deps.sessions.sessions();
  if (!deps.organizations || deps.organizations.all().length === 0) return [...profiles];
  await deps.organizations.listAll();
  const members = deps.sessions.builtSessions().filter((s) => !profiles.includes(s));
  return [...profiles, ...members];
}
