// IAM actions on users and access keys, answering in IAM's response shapes.
import { field, memberList, wrap } from '../protocol/xml';
import { apiErrors } from '../protocol/errors';
import { callerArn } from '../auth';
import { pageOf } from '../paging';
import { accessKeySortKey, userSortKey, type IamStore, type KeyOwner, type StoredAccessKey, type StoredUser } from '../store';
import {
  ACCESS_KEY_ID,
  EXISTING_USER_NAME,
  MARKER,
  NEW_USER_NAME,
  PATH,
  PATH_PREFIX,
  RequestValidator,
  type StringConstraint,
} from '../validation';
import { param, type ActionContext, type ActionDefinition, type ActionOutcome } from './types';

/** IAM allows two access keys per user (and per root). */
const ACCESS_KEYS_PER_USER = 2;
const UPDATE_STATUS: StringConstraint = { min: 1, max: 64, enumValues: ['Active', 'Inactive'] };

function listUsers(context: ActionContext): ActionOutcome {
  const check = new RequestValidator();
  const pathPrefix = check.string('pathPrefix', param(context, 'PathPrefix'), PATH_PREFIX) ?? '/';
  const marker = check.string('marker', param(context, 'Marker'), MARKER);
  const maxItems = check.maxItems(param(context, 'MaxItems'));
  check.throwIfInvalid();

  const users = context.store.usersUnderPath(pathPrefix);
  const page = pageOf(users, (user) => userSortKey(user.userName), { maxItems, marker }, `ListUsers ${pathPrefix}`, context.paging);
  return {
    resultXml:
      memberList('Users', page.items.map(userXml)) + field('IsTruncated', page.isTruncated) + field('Marker', page.marker),
  };
}

function getUser(context: ActionContext): ActionOutcome {
  const check = new RequestValidator();
  const userName = check.string('userName', param(context, 'UserName'), EXISTING_USER_NAME);
  check.throwIfInvalid();

  if (userName !== undefined) {
    const user = requireUser(context.store, userName);
    return { resultXml: wrap('User', userXml(user)), subjectUserName: user.userName };
  }
  const { caller, store } = context;
  if (caller.kind === 'root') return { resultXml: wrap('User', rootUserXml(store)) };
  return { resultXml: wrap('User', userXml(caller.user)), subjectUserName: caller.user.userName };
}

function listAccessKeys(context: ActionContext): ActionOutcome {
  const check = new RequestValidator();
  const userName = check.string('userName', param(context, 'UserName'), EXISTING_USER_NAME);
  const marker = check.string('marker', param(context, 'Marker'), MARKER);
  const maxItems = check.maxItems(param(context, 'MaxItems'));
  check.throwIfInvalid();

  const owner = keyOwnerFor(context, userName);
  const ownerName = ownerUserName(context.store, owner);
  const scope = `ListAccessKeys ${owner.kind === 'root' ? '<root>' : userSortKey(owner.user.userName)}`;
  const page = pageOf(context.store.keysOf(owner), accessKeySortKey, { maxItems, marker }, scope, context.paging);
  const members = page.items.map(
    (key) => field('UserName', ownerName) + field('AccessKeyId', key.accessKeyId) + field('Status', key.status) + field('CreateDate', key.createDate),
  );
  return {
    resultXml: memberList('AccessKeyMetadata', members) + field('IsTruncated', page.isTruncated) + field('Marker', page.marker),
    subjectUserName: owner.kind === 'user' ? owner.user.userName : undefined,
  };
}

function getAccessKeyLastUsed(context: ActionContext): ActionOutcome {
  const check = new RequestValidator();
  const accessKeyId = check.string('accessKeyId', param(context, 'AccessKeyId'), ACCESS_KEY_ID, true) as string;
  check.throwIfInvalid();

  const found = context.store.findAccessKey(accessKeyId);
  // IAM answers AccessDenied (not NoSuchEntity) for keys it does not hold in this account.
  if (!found) throw apiErrors.lastUsedOfUnknownKey(callerArn(context.caller, context.store), accessKeyId);
  const lastUsed = found.key.lastUsed;
  const ownerName = ownerUserName(context.store, found.owner);
  return {
    resultXml:
      field('UserName', ownerName) +
      wrap(
        'AccessKeyLastUsed',
        field('LastUsedDate', lastUsed?.date) + field('ServiceName', lastUsed?.serviceName ?? 'N/A') + field('Region', lastUsed?.region ?? 'N/A'),
      ),
    subjectUserName: found.owner.kind === 'user' ? found.owner.user.userName : undefined,
  };
}

function createUser(context: ActionContext): ActionOutcome {
  const check = new RequestValidator();
  const userName = check.string('userName', param(context, 'UserName'), NEW_USER_NAME, true) as string;
  const path = check.string('path', param(context, 'Path'), PATH);
  check.throwIfInvalid();

  if (context.store.getUser(userName)) throw apiErrors.userAlreadyExists(userName);
  const user = context.store.addUser({ userName, path });
  return { resultXml: wrap('User', userXml(user)), subjectUserName: user.userName };
}

function createAccessKey(context: ActionContext): ActionOutcome {
  const check = new RequestValidator();
  const userName = check.string('userName', param(context, 'UserName'), EXISTING_USER_NAME);
  check.throwIfInvalid();

  const owner = keyOwnerFor(context, userName);
  if (context.store.keysOf(owner).length >= ACCESS_KEYS_PER_USER) throw apiErrors.accessKeyQuota();
  const key = context.store.addKeyTo(owner, {});
  if (context.keyPropagationMs) key.usableFrom = new Date(context.store.now().getTime() + context.keyPropagationMs);
  // The only answer that ever carries the secret, as in IAM.
  return {
    resultXml: wrap(
      'AccessKey',
      field('UserName', ownerUserName(context.store, owner)) +
        field('AccessKeyId', key.accessKeyId) +
        field('Status', key.status) +
        field('SecretAccessKey', key.secretAccessKey) +
        field('CreateDate', key.createDate),
    ),
    subjectUserName: owner.kind === 'user' ? owner.user.userName : undefined,
    subjectAccessKeyId: key.accessKeyId,
  };
}

function updateAccessKey(context: ActionContext): ActionOutcome {
  const check = new RequestValidator();
  const userName = check.string('userName', param(context, 'UserName'), EXISTING_USER_NAME);
  const accessKeyId = check.string('accessKeyId', param(context, 'AccessKeyId'), ACCESS_KEY_ID, true) as string;
  const status = check.string('status', param(context, 'Status'), UPDATE_STATUS, true) as 'Active' | 'Inactive';
  check.throwIfInvalid();

  const { key, owner } = ownedKey(context, userName, accessKeyId);
  key.status = status;
  return { subjectUserName: owner.kind === 'user' ? owner.user.userName : undefined, subjectAccessKeyId: accessKeyId };
}

function deleteAccessKey(context: ActionContext): ActionOutcome {
  const check = new RequestValidator();
  const userName = check.string('userName', param(context, 'UserName'), EXISTING_USER_NAME);
  const accessKeyId = check.string('accessKeyId', param(context, 'AccessKeyId'), ACCESS_KEY_ID, true) as string;
  check.throwIfInvalid();

  const { owner } = ownedKey(context, userName, accessKeyId);
  context.store.deleteAccessKey(accessKeyId);
  return { subjectUserName: owner.kind === 'user' ? owner.user.userName : undefined, subjectAccessKeyId: accessKeyId };
}

/** Whose keys a call is about: the named user, or else the caller (temporary credentials must name one, but an MFA session of the user acts as that user). */
function keyOwnerFor(context: ActionContext, userName: string | undefined): KeyOwner {
  if (userName !== undefined) return { kind: 'user', user: requireUser(context.store, userName) };
  const { caller } = context;
  if (caller.kind === 'root') return { kind: 'root' };
  if (caller.temporary && caller.mfa !== true) throw apiErrors.userNameRequired();
  return { kind: 'user', user: caller.user };
}

/** The key, provided it belongs to the owner the request names or implies. */
function ownedKey(context: ActionContext, userName: string | undefined, accessKeyId: string): { key: StoredAccessKey; owner: KeyOwner } {
  const owner = keyOwnerFor(context, userName);
  const found = context.store.findAccessKey(accessKeyId);
  const sameOwner =
    found !== undefined &&
    (owner.kind === 'root' ? found.owner.kind === 'root' : found.owner.kind === 'user' && found.owner.user === owner.user);
  if (!found || !sameOwner) throw apiErrors.noSuchAccessKey(accessKeyId);
  return { key: found.key, owner };
}

function requireUser(store: IamStore, userName: string): StoredUser {
  const user = store.getUser(userName);
  if (!user) throw apiErrors.noSuchUser(userName);
  return user;
}

/** UserName IAM reports for a key owner: the user's name; for the root only the account alias, if any. */
function ownerUserName(store: IamStore, owner: KeyOwner): string | undefined {
  return owner.kind === 'user' ? owner.user.userName : store.accountAlias;
}

export function userXml(user: StoredUser): string {
  return (
    field('Path', user.path) +
    field('UserName', user.userName) +
    field('UserId', user.userId) +
    field('Arn', user.arn) +
    field('CreateDate', user.createDate) +
    field('PasswordLastUsed', user.passwordLastUsed)
  );
}

/** GetUser for the root: no Path, no UserName (unless the account has an alias), UserId is the account ID. */
function rootUserXml(store: IamStore): string {
  return (
    field('UserName', store.accountAlias) +
    field('UserId', store.accountId) +
    field('Arn', store.root.arn) +
    field('CreateDate', store.root.createDate) +
    field('PasswordLastUsed', store.root.passwordLastUsed)
  );
}

export const IAM_ACTIONS: Readonly<Record<string, ActionDefinition>> = {
  ListUsers: { service: 'iam', run: listUsers },
  GetUser: { service: 'iam', run: getUser },
  ListAccessKeys: { service: 'iam', run: listAccessKeys },
  GetAccessKeyLastUsed: { service: 'iam', run: getAccessKeyLastUsed },
  CreateUser: { service: 'iam', run: createUser },
  CreateAccessKey: { service: 'iam', run: createAccessKey },
  UpdateAccessKey: { service: 'iam', run: updateAccessKey },
  DeleteAccessKey: { service: 'iam', run: deleteAccessKey },
};
