// Puts the built-in callers (identities.ts) into a store, so every emulator,
// generated or demo, can be called with the same known test credentials.
import {
  CALLER_CREDENTIALS,
  CALLER_USER_NAME,
  LIMITED_CREDENTIALS,
  LIMITED_DENIED_ACTIONS,
  LIMITED_USER_NAME,
  ROOT_CREDENTIALS,
  SESSION_CREDENTIALS,
} from './identities';
import type { IamStore } from './store';

const DAY_MS = 86_400_000;

export function addBuiltInIdentities(store: IamStore, referenceDate: Date): void {
  const daysAgo = (days: number): Date => new Date(referenceDate.getTime() - days * DAY_MS);

  store.addRootAccessKey({
    ...keyFields(ROOT_CREDENTIALS),
    createDate: daysAgo(1400),
    lastUsed: { date: daysAgo(12), serviceName: 'iam', region: 'us-east-1' },
  });

  store.addUser({
    userName: CALLER_USER_NAME,
    path: '/',
    createDate: daysAgo(900),
    passwordLastUsed: daysAgo(1),
    mfaActive: true,
  });
  store.addAccessKey(CALLER_USER_NAME, {
    ...keyFields(CALLER_CREDENTIALS),
    createDate: daysAgo(45),
    lastUsed: { date: daysAgo(0), serviceName: 'iam', region: 'us-east-1' },
  });
  store.addSession({
    accessKeyId: SESSION_CREDENTIALS.accessKeyId,
    secretAccessKey: SESSION_CREDENTIALS.secretAccessKey,
    sessionToken: SESSION_CREDENTIALS.sessionToken ?? '',
    userName: CALLER_USER_NAME,
  });

  store.addUser({
    userName: LIMITED_USER_NAME,
    path: '/audit/',
    createDate: daysAgo(300),
    deniedActions: LIMITED_DENIED_ACTIONS,
  });
  store.addAccessKey(LIMITED_USER_NAME, {
    ...keyFields(LIMITED_CREDENTIALS),
    createDate: daysAgo(120),
  });
}

function keyFields(credentials: { accessKeyId: string; secretAccessKey: string }) {
  return { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, status: 'Active' as const };
}
