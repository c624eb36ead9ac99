// The small, readable account behind `npm start`: about 25 users that show each
// case the extension cares about — two active keys mid-rotation, an old key never
// rotated, inactive keys, never-used keys, keys last used long ago, team paths.
// Dates are relative to the reference date (by default today), so ages look real.
import type { IamStore, KeyLastUsed, NewAccessKey } from './store';

const DAY_MS = 86_400_000;

interface DemoKey {
  readonly ageDays: number;
  readonly status?: 'Active' | 'Inactive';
  /** Days since last use, service, region; omitted = never used. */
  readonly lastUsed?: readonly [number, string, string];
}

interface DemoUser {
  readonly userName: string;
  readonly path?: string;
  readonly ageDays: number;
  readonly passwordDaysAgo?: number;
  readonly keys: readonly DemoKey[];
}

const DEMO_USERS: readonly DemoUser[] = [
  { userName: 'alice.johnson', path: '/engineering/', ageDays: 1500, passwordDaysAgo: 0, keys: [
    { ageDays: 95, lastUsed: [3, 's3', 'us-east-1'] },
    { ageDays: 2, lastUsed: [0, 'sts', 'us-east-1'] },
  ] },
  { userName: 'bob.smith', path: '/engineering/', ageDays: 1100, passwordDaysAgo: 1, keys: [
    { ageDays: 40, lastUsed: [1, 'ec2', 'eu-west-1'] },
  ] },
  { userName: 'carol.white', path: '/finance/', ageDays: 2400, passwordDaysAgo: 30, keys: [
    // The old key nobody rotated, still in daily use.
    { ageDays: 2300, lastUsed: [0, 's3', 'us-east-1'] },
  ] },
  { userName: 'dave.brown', path: '/engineering/', ageDays: 800, keys: [
    { ageDays: 400, status: 'Inactive', lastUsed: [380, 'lambda', 'us-west-2'] },
  ] },
  { userName: 'erin.davis', ageDays: 600, passwordDaysAgo: 5, keys: [] },
  { userName: 'frank.miller', path: '/contractors/', ageDays: 200, keys: [
    { ageDays: 190 }, // never used
  ] },
  { userName: 'grace.lee', path: '/engineering/platform/', ageDays: 1300, passwordDaysAgo: 2, keys: [
    { ageDays: 170, lastUsed: [0, 'ecr', 'eu-central-1'] },
    { ageDays: 10, lastUsed: [9, 'ecr', 'eu-central-1'] },
  ] },
  { userName: 'heidi.garcia', path: '/finance/', ageDays: 900, passwordDaysAgo: 60, keys: [
    { ageDays: 500, status: 'Inactive' }, // inactive and never used
  ] },
  { userName: 'ivan.petrov', ageDays: 350, keys: [{ ageDays: 350, lastUsed: [200, 'dynamodb', 'ap-southeast-2'] }] },
  { userName: 'judy.nguyen', path: '/engineering/', ageDays: 60, passwordDaysAgo: 0, keys: [
    { ageDays: 59, lastUsed: [0, 'cloudwatch', 'us-east-1'] },
  ] },
  { userName: 'karl.mueller', path: '/contractors/', ageDays: 1000, keys: [
    { ageDays: 990, status: 'Inactive', lastUsed: [700, 's3', 'eu-central-1'] },
    { ageDays: 300, status: 'Inactive', lastUsed: [250, 's3', 'eu-central-1'] },
  ] },
  { userName: 'laura.martin', ageDays: 20, passwordDaysAgo: 0, keys: [] },
  { userName: 'mallory', path: '/contractors/', ageDays: 150, keys: [{ ageDays: 140, lastUsed: [1, 'iam', 'us-east-1'] }] },
  { userName: 'nina.patel', path: '/engineering/', ageDays: 700, passwordDaysAgo: 3, keys: [
    { ageDays: 89, lastUsed: [0, 'sqs', 'us-west-2'] },
  ] },
  { userName: 'oscar.silva', ageDays: 1200, keys: [{ ageDays: 1150, lastUsed: [900, 'ec2', 'us-east-1'] }] },
  { userName: 'svc-backup', path: '/service-accounts/', ageDays: 1800, keys: [
    { ageDays: 1700, status: 'Inactive', lastUsed: [400, 's3', 'us-east-1'] },
    { ageDays: 400, lastUsed: [0, 's3', 'us-east-1'] },
  ] },
  { userName: 'svc-ci-deploy', path: '/service-accounts/', ageDays: 1000, keys: [
    { ageDays: 30, lastUsed: [0, 'lambda', 'eu-west-1'] },
  ] },
  { userName: 'svc-log-exporter', path: '/service-accounts/', ageDays: 500, keys: [
    { ageDays: 480 }, // created, never used
  ] },
  { userName: 'svc-metrics', path: '/service-accounts/', ageDays: 1600, keys: [
    { ageDays: 1600, lastUsed: [0, 'cloudwatch', 'us-east-1'] },
  ] },
  { userName: 'terraform-prod', path: '/service-accounts/', ageDays: 1400, keys: [
    { ageDays: 120, lastUsed: [0, 'iam', 'us-east-1'] },
    { ageDays: 7, lastUsed: [6, 'sts', 'us-east-1'] },
  ] },
  { userName: 'terraform-staging', path: '/service-accounts/', ageDays: 1400, keys: [
    { ageDays: 700, lastUsed: [90, 'ec2', 'us-west-2'] },
  ] },
  { userName: 'Victor.Wang', ageDays: 400, passwordDaysAgo: 15, keys: [{ ageDays: 380, lastUsed: [15, 'sts', 'us-east-1'] }] },
  { userName: 'wendy@example.com', ageDays: 100, passwordDaysAgo: 2, keys: [] },
];

/** Adds the demo users (the built-in identities are added separately). */
export function addDemoAccount(store: IamStore, referenceDate: Date): void {
  const at = (days: number): Date => new Date(referenceDate.getTime() - days * DAY_MS - 3_600_000 * (days % 7));
  for (const user of DEMO_USERS) {
    store.addUser({
      userName: user.userName,
      path: user.path,
      createDate: at(user.ageDays),
      passwordLastUsed: user.passwordDaysAgo === undefined ? undefined : at(user.passwordDaysAgo),
      mfaActive: user.passwordDaysAgo !== undefined,
    });
    for (const key of user.keys) {
      const lastUsed: KeyLastUsed | undefined = key.lastUsed && {
        date: at(key.lastUsed[0]),
        serviceName: key.lastUsed[1],
        region: key.lastUsed[2],
      };
      const input: NewAccessKey = { status: key.status ?? 'Active', createDate: at(key.ageDays), lastUsed };
      store.addAccessKey(user.userName, input);
    }
  }
}

/** Start of today (UTC): the demo's default reference date. */
export function startOfTodayUtc(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
