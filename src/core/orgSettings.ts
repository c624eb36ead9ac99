// iamKeys.organizations and iamKeys.identityCenter, checked: each entry needs a profile and the
// role the user names (no role is ever guessed); account lists must be 12-digit IDs. Bad
// entries are dropped with a warning that says which and why; the good ones still work.

export interface OrganizationSetting {
  readonly profile: string;
  readonly roleName: string;
  readonly externalId?: string;
  readonly includeAccounts?: readonly string[];
  readonly excludeAccounts?: readonly string[];
}

export interface IdentityCenterSetting {
  readonly profile: string;
  readonly roleName: string;
}

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const ACCOUNT_ID = /^\d{12}$/;

export function isAccountId(value: unknown): value is string {
  return typeof value === 'string' && ACCOUNT_ID.test(value);
}

export function parseOrganizationSettings(raw: unknown, name = 'iamKeys.organizations'): { value: OrganizationSetting[]; warnings: string[] } {
  const value: OrganizationSetting[] = [];
  const warnings: string[] = [];
  for (const [index, entry] of entries(raw, name, warnings)) {
    const where = `${name}[${index}]`;
    const base = profileAndRole(entry, where, warnings);
    if (!base) continue;
    const externalId = entry.externalId;
    if (externalId !== undefined && !(typeof externalId === 'string' && EXTERNAL_ID.test(externalId))) {
      warnings.push(`${where}.externalId must be 2–1224 characters of letters, digits and +=,.@:/-; entry ignored.`);
      continue;
    }
    const include = accountList(entry.includeAccounts, `${where}.includeAccounts`, warnings);
    const exclude = accountList(entry.excludeAccounts, `${where}.excludeAccounts`, warnings);
    if (include === null || exclude === null) continue;
    value.push({ ...base, externalId: externalId as string | undefined, includeAccounts: include, excludeAccounts: exclude });
  }
  return { value, warnings };
}

export function parseIdentityCenterSettings(raw: unknown, name = 'iamKeys.identityCenter'): { value: IdentityCenterSetting[]; warnings: string[] } {
  const value: IdentityCenterSetting[] = [];
  const warnings: string[] = [];
  for (const [index, entry] of entries(raw, name, warnings)) {
    const base = profileAndRole(entry, `${name}[${index}]`, warnings);
    if (base) value.push(base);
  }
  return { value, warnings };
}

function entries(raw: unknown, name: string, warnings: string[]): [number, Record<string, unknown>][] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    warnings.push(`${name} must be an array of objects; ignored.`);
    return [];
  }
  const out: [number, Record<string, unknown>][] = [];
  raw.forEach((entry: unknown, index) => {
    if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) out.push([index, entry as Record<string, unknown>]);
    else warnings.push(`${name}[${index}] must be an object; ignored.`);
  });
  return out;
}

function profileAndRole(entry: Record<string, unknown>, where: string, warnings: string[]): { profile: string; roleName: string } | undefined {
  const profile = typeof entry.profile === 'string' ? entry.profile.trim() : '';
  if (!profile) {
    warnings.push(`${where}.profile must name a profile; entry ignored.`);
    return undefined;
  }
  const roleName = typeof entry.roleName === 'string' ? entry.roleName.trim() : '';
  if (!ROLE_NAME.test(roleName)) {
    warnings.push(`${where}.roleName must be an IAM role name (1–64 of letters, digits and +=,.@_-); entry ignored.`);
    return undefined;
  }
  return { profile, roleName };
}

/** undefined: not set; null: invalid (warned). */
function accountList(raw: unknown, where: string, warnings: string[]): string[] | undefined | null {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || !raw.every(isAccountId)) {
    warnings.push(`${where} must be a list of 12-digit account IDs; entry ignored.`);
    return null;
  }
  return [...raw];
}
