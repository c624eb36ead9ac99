// STS actions the extension uses: who am I, and which account owns a key.
import { field } from '../protocol/xml';
import { accountIdFromAccessKeyId } from '../keyIds';
import { STS_ACCESS_KEY_ID, RequestValidator } from '../validation';
import { callerArn } from '../auth';
import { getSessionToken } from './sessionToken';
import { param, type ActionContext, type ActionDefinition, type ActionOutcome } from './types';

function getCallerIdentity(context: ActionContext): ActionOutcome {
  const { caller, store } = context;
  const userId = caller.kind === 'root' ? store.accountId : caller.user.userId;
  return {
    resultXml: field('UserId', userId) + field('Account', store.accountId) + field('Arn', callerArn(caller, store)),
    subjectUserName: caller.kind === 'user' ? caller.user.userName : undefined,
  };
}

/** Any key ID gets an answer: ours belong to this account, others to the account encoded in (or hashed from) the ID. */
function getAccessKeyInfo(context: ActionContext): ActionOutcome {
  const check = new RequestValidator();
  const accessKeyId = check.string('accessKeyId', param(context, 'AccessKeyId'), STS_ACCESS_KEY_ID, true) as string;
  check.throwIfInvalid();

  const { store } = context;
  const ours = store.findAccessKey(accessKeyId) !== undefined || store.findSession(accessKeyId) !== undefined;
  return { resultXml: field('Account', ours ? store.accountId : accountIdFromAccessKeyId(accessKeyId)) };
}

export const STS_ACTIONS: Readonly<Record<string, ActionDefinition>> = {
  GetCallerIdentity: { service: 'sts', run: getCallerIdentity },
  GetAccessKeyInfo: { service: 'sts', run: getAccessKeyInfo },
  GetSessionToken: { service: 'sts', run: getSessionToken },
};
