// Seeded generator for large, realistic-looking accounts: people and service
// accounts, some under team paths, 0-2 keys each with a mix of statuses, create
// dates spread over several years and last-use data including never-used keys.
// The same seed and size always give the same account.
import type { AccessKeyStatus, IamStore, KeyLastUsed } from './store';
import { SeededRandom } from './random';

/** Fixed "now" of generated accounts, so their dates do not depend on the day tests run. */
export const GENERATED_REFERENCE_DATE = new Date('2026-06-01T00:00:00Z');

const DAY_MS = 86_400_000;
const SPAN_DAYS = 6 * 365;

const FIRST_NAMES = [
  'alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'karl', 'laura',
  'mallory', 'nina', 'oscar', 'peggy', 'quentin', 'rupert', 'sybil', 'trent', 'ursula', 'victor', 'wendy',
  'xavier', 'yasmin', 'zoe', 'amir', 'bea', 'chen', 'dmitri', 'elena', 'fatima', 'giulia', 'hiro', 'ines',
  'jamal', 'kofi', 'lars', 'maria', 'noor', 'olga', 'priya', 'raj', 'sofia', 'tomas', 'uma', 'wei', 'yusuf',
];
const LAST_NAMES = [
  'smith', 'johnson', 'williams', 'brown', 'jones', 'garcia', 'miller', 'davis', 'martinez', 'lopez',
  'wilson', 'anderson', 'thomas', 'taylor', 'moore', 'jackson', 'martin', 'lee', 'thompson', 'white',
  'harris', 'clark', 'lewis', 'walker', 'young', 'allen', 'king', 'wright', 'scott', 'green', 'baker',
  'nguyen', 'patel', 'kim', 'mueller', 'rossi', 'silva', 'tanaka', 'kowalski', 'novak', 'ivanova', 'okafor',
];
const TEAMS = ['billing', 'search', 'payments', 'data', 'platform', 'web', 'mobile', 'ml', 'security', 'ops'];
const SERVICE_PURPOSES = ['deploy', 'backup', 'exporter', 'sync', 'reporting', 'etl', 'monitoring', 'uploader'];
const PATHS: readonly { readonly path: string; readonly weight: number }[] = [
  { path: '/', weight: 60 },
  { path: '/engineering/', weight: 15 },
  { path: '/engineering/platform/', weight: 5 },
  { path: '/finance/', weight: 5 },
  { path: '/contractors/', weight: 5 },
  { path: '/service-accounts/', weight: 10 },
];
const SERVICES = ['s3', 'iam', 'sts', 'ec2', 'lambda', 'dynamodb', 'sqs', 'cloudwatch', 'ecr', 'secretsmanager'];
const REGIONS = ['us-east-1', 'us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];

export interface GenerateOptions {
  readonly users: number;
  readonly seed: number;
  readonly referenceDate?: Date;
}

/** Adds `users` generated users (skipping names already in the store) with their keys. */
export function generateAccount(store: IamStore, options: GenerateOptions): void {
  const random = new SeededRandom(options.seed);
  const reference = (options.referenceDate ?? GENERATED_REFERENCE_DATE).getTime();
  let added = 0;
  while (added < options.users) {
    const isService = random.chance(0.2);
    const path = isService ? '/service-accounts/' : weightedPath(random);
    const userName = uniqueName(store, isService ? serviceName(random) : personName(random));
    const createDate = new Date(reference - random.int(1, SPAN_DAYS) * DAY_MS - random.int(0, DAY_MS - 1));
    const passwordLastUsed =
      !isService && random.chance(0.6) ? between(random, createDate.getTime(), reference) : undefined;
    store.addUser({ userName, path, createDate, passwordLastUsed, mfaActive: !isService && random.chance(0.7) });
    addKeys(store, random, userName, createDate.getTime(), reference);
    added++;
  }
}

function addKeys(store: IamStore, random: SeededRandom, userName: string, userCreated: number, reference: number): void {
  const roll = random.float();
  const keyCount = roll < 0.2 ? 0 : roll < 0.8 ? 1 : 2;
  for (let i = 0; i < keyCount; i++) {
    const createDate = between(random, userCreated, reference);
    const status: AccessKeyStatus = random.chance(0.78) ? 'Active' : 'Inactive';
    const neverUsed = random.chance(0.15);
    const lastUsed: KeyLastUsed | undefined = neverUsed
      ? undefined
      : {
          date: between(random, createDate.getTime(), status === 'Active' ? reference : (createDate.getTime() + reference) / 2),
          serviceName: random.pick(SERVICES),
          region: random.pick(REGIONS),
        };
    store.addAccessKey(userName, { status, createDate, lastUsed });
  }
}

function personName(random: SeededRandom): string {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const style = random.int(0, 9);
  if (style < 5) return `${first}.${last}`;
  if (style < 7) return `${first[0]}${last}`;
  if (style < 8) return `${first}.${last}@example.com`;
  // Some capitalised names, so the case-insensitive order of ListUsers shows.
  return `${capitalise(first)}.${capitalise(last)}`;
}

function serviceName(random: SeededRandom): string {
  const style = random.int(0, 2);
  const team = random.pick(TEAMS);
  if (style === 0) return `svc-${team}-${random.pick(SERVICE_PURPOSES)}`;
  if (style === 1) return `ci-${team}-deploy`;
  return `terraform-${team}-${random.pick(['prod', 'staging', 'dev'])}`;
}

/** Appends -2, -3, … until the name is free (IAM names are unique ignoring case). */
function uniqueName(store: IamStore, base: string): string {
  if (!store.getUser(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = base.includes('@') ? base.replace('@', `${n}@`) : `${base}-${n}`;
    if (!store.getUser(candidate)) return candidate;
  }
}

function weightedPath(random: SeededRandom): string {
  const people = PATHS.filter((p) => p.path !== '/service-accounts/');
  const total = people.reduce((sum, p) => sum + p.weight, 0);
  let roll = random.float() * total;
  for (const entry of people) {
    roll -= entry.weight;
    if (roll < 0) return entry.path;
  }
  return '/';
}

function between(random: SeededRandom, from: number, to: number): Date {
  return new Date(from + Math.floor(random.float() * Math.max(0, to - from)));
}

function capitalise(word: string): string {
  return word[0].toUpperCase() + word.slice(1);
}
