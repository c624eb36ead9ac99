// What the organization endpoint saw, per account: calls by action for each
// account (the account whose credentials signed, or whose role was assumed),
// AssumeRole and GetRoleCredentials by target account, and throttled answers.

export interface OrgCounterSnapshot {
  readonly total: number;
  readonly byAction: Readonly<Record<string, number>>;
  /** account ID → action → calls signed with that account's credentials. */
  readonly byAccount: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Target account ID → AssumeRole calls naming it (granted or not). */
  readonly assumeRoleByTarget: Readonly<Record<string, number>>;
  /** Target account ID → GetRoleCredentials calls naming it. */
  readonly roleCredentialsByTarget: Readonly<Record<string, number>>;
  readonly throttledByAction: Readonly<Record<string, number>>;
  readonly errorsByCode: Readonly<Record<string, number>>;
}

export class OrgCounters {
  private total = 0;
  private byAction = new Map<string, number>();
  private byAccount = new Map<string, Map<string, number>>();
  private assumeRole = new Map<string, number>();
  private roleCredentials = new Map<string, number>();
  private throttled = new Map<string, number>();
  private errors = new Map<string, number>();

  recordArrival(action: string): void {
    this.total++;
    increment(this.byAction, action);
  }

  recordAccount(accountId: string, action: string): void {
    let perAction = this.byAccount.get(accountId);
    if (!perAction) this.byAccount.set(accountId, (perAction = new Map()));
    increment(perAction, action);
  }

  recordAssumeRole(targetAccountId: string): void {
    increment(this.assumeRole, targetAccountId);
  }

  recordRoleCredentials(targetAccountId: string): void {
    increment(this.roleCredentials, targetAccountId);
  }

  recordThrottle(action: string): void {
    increment(this.throttled, action);
  }

  recordError(code: string): void {
    increment(this.errors, code);
  }

  snapshot(): OrgCounterSnapshot {
    return {
      total: this.total,
      byAction: Object.fromEntries(this.byAction),
      byAccount: Object.fromEntries([...this.byAccount].map(([id, actions]) => [id, Object.fromEntries(actions)])),
      assumeRoleByTarget: Object.fromEntries(this.assumeRole),
      roleCredentialsByTarget: Object.fromEntries(this.roleCredentials),
      throttledByAction: Object.fromEntries(this.throttled),
      errorsByCode: Object.fromEntries(this.errors),
    };
  }

  reset(): void {
    this.total = 0;
    this.byAction = new Map();
    this.byAccount = new Map();
    this.assumeRole = new Map();
    this.roleCredentials = new Map();
    this.throttled = new Map();
    this.errors = new Map();
  }
}

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
