// How serious a leaked credential in a file is, from what the owner lookup knows about it (the
// same KeyInfo the hover renders): an Active key of an account you can see is an Error, an
// Inactive one a Warning, a deleted one a Hint, and a key of an account you can't see is
// Information naming the account read from the ID. A secret access key is an Error unless the
// key ID beside it says the key is Inactive or gone, and its message never repeats it. Editor-free: the diagnostics, the workspace scan and unit
// tests share it; `t` is vscode.l10n.t there and English in tests.
import type { KeyInfo } from '../../aws/keyInfo';
import { accountFromKeyId } from '../../core/accountFromKeyId';
import { canaryToken } from '../../core/canaryAccounts';
import { ageInDays, formatAgo } from '../../core/format';

export type LeakSeverity = 'error' | 'warning' | 'information' | 'hint';

/** What the scan reports as a key's status. */
export type LeakStatus = 'Active' | 'Inactive' | 'unknown' | 'not-found' | 'other-account' | 'temporary' | 'canary';

export interface LeakVerdict {
  readonly severity: LeakSeverity;
  readonly message: string;
  readonly account?: string;
  readonly userName?: string;
  readonly status?: LeakStatus;
  /** A secret's verdict: the access key ID it was paired with. */
  readonly accessKeyId?: string;
}

export type Translate = (message: string, ...args: Array<string | number>) => string;

export const englishText: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));

/** The verdict on an access key ID; `info` undefined when no lookup was made (no connection). */
export function accessKeyVerdict(accessKeyId: string, info: KeyInfo | undefined, now: Date, t: Translate = englishText): LeakVerdict {
  const decoded = accountFromKeyId(accessKeyId);
  // Named from the ID alone, looked up or not (no connection, the limit): never a lookup's answer.
  const canary = info?.kind === 'canary' ? info : canaryToken(accessKeyId);
  if (canary) return canaryVerdict(canary, t);
  switch (info?.kind) {
    case 'found': {
      const owner = info.root ? t('the root user') : info.userName;
      const account = info.account || decoded || '';
      const base = { account, userName: info.root ? 'root' : info.userName };
      if (!info.key) {
        return { ...base, severity: 'error', status: 'unknown', message: t('Access key of {0} in {1} (its status could not be read){2}', owner, account, lastUsedText(info, now, t)) };
      }
      if (info.key.Status === 'Active') {
        return { ...base, severity: 'error', status: 'Active', message: t('Active access key of {0} in {1}{2}', owner, account, lastUsedText(info, now, t)) };
      }
      return { ...base, severity: 'warning', status: 'Inactive', message: t('Inactive access key of {0} in {1}{2}', owner, account, lastUsedText(info, now, t)) };
    }
    case 'not-found':
      return {
        severity: 'hint',
        status: 'not-found',
        account: info.account ?? decoded,
        message: info.account ? t('Access key ID not found in {0}: deleted, or never existed', info.account) : t('Access key ID not found in the accounts of your profiles'),
      };
    case 'other-account':
      return { severity: 'information', status: 'other-account', account: info.account, message: t('Access key ID of account {0}, which none of your profiles can see', info.account) };
    case 'temporary':
      return {
        severity: 'information',
        status: 'temporary',
        account: info.account || decoded,
        message: info.account || decoded ? t('Temporary (STS) access key ID issued by account {0}', info.account || (decoded as string)) : t('Temporary (STS) access key ID'),
      };
    default: {
      // Not looked up (no connection, limit reached, error): say what the ID itself tells.
      const why = info?.kind === 'limit-reached' ? t('lookup limit reached') : info?.kind === 'error' ? t('lookup failed') : t('not looked up');
      return {
        severity: 'information',
        status: 'unknown',
        account: decoded,
        message: decoded ? t('Access key ID of account {0} ({1})', decoded, why) : t('Access key ID ({0})', why),
      };
    }
  }
}

/**
 * The verdict on a secret access key; never the secret itself. Alone, an Error. Paired with a key
 * ID nearby (`key`: that ID and its own verdict), it names the key, its owner and status when
 * known, and its severity follows the key's: Active (or unknown) an Error, Inactive a Warning,
 * deleted a Hint.
 */
export function secretVerdict(name: string | undefined, t: Translate = englishText, key?: { readonly accessKeyId: string; readonly verdict: LeakVerdict }): LeakVerdict {
  if (!key) {
    return {
      severity: 'error',
      message: name
        ? t('Secret access key in a file ({0}): deactivate the key, make a new one, and keep secrets out of files', name)
        : t('Secret access key in a file: deactivate the key, make a new one, and keep secrets out of files'),
    };
  }
  const { accessKeyId, verdict } = key;
  const where = name ?? t('no name');
  const owner = verdict.userName === 'root' ? t('the root user') : verdict.userName;
  const base = { accessKeyId, account: verdict.account, userName: verdict.userName, status: verdict.status };
  switch (verdict.status) {
    case 'Inactive':
      return {
        ...base,
        severity: 'warning',
        message: t('Secret access key of {0}, an Inactive key of {1} in {2}, in a file ({3}): delete the key, and keep secrets out of files', accessKeyId, owner ?? '', verdict.account ?? '', where),
      };
    case 'canary':
      return { ...base, severity: 'warning', message: t('Secret access key of {0}, a canary token (account {1}), in a file ({2}): using it alerts its owner', accessKeyId, verdict.account ?? '', where) };
    case 'not-found':
      return { ...base, severity: 'hint', message: t('Secret access key of {0}, a key that no longer exists, in a file ({1}): remove it from the file', accessKeyId, where) };
    case 'Active':
      return {
        ...base,
        severity: 'error',
        message: t('Secret access key of {0}, an Active key of {1} in {2}, in a file ({3}): deactivate the key, make a new one, and keep secrets out of files', accessKeyId, owner ?? '', verdict.account ?? '', where),
      };
    default:
      // Status unknown (another account, temporary, not looked up): it may well work.
      return {
        ...base,
        severity: 'error',
        message: verdict.account
          ? t('Secret access key of {0} (account {1}) in a file ({2}): deactivate the key, make a new one, and keep secrets out of files', accessKeyId, verdict.account, where)
          : t('Secret access key of {0} in a file ({1}): deactivate the key, make a new one, and keep secrets out of files', accessKeyId, where),
      };
  }
}

/** A canary token: planted on purpose by whoever owns it; nothing to deactivate, but nobody may use it. */
function canaryVerdict(canary: { readonly account: string; readonly provider: string }, t: Translate): LeakVerdict {
  return { severity: 'warning', status: 'canary', account: canary.account, message: t('Canary token ({0}, account {1}): using it alerts its owner', canary.provider, canary.account) };
}

function lastUsedText(info: Extract<KeyInfo, { kind: 'found' }>, now: Date, t: Translate): string {
  if (!info.lastUsed) return '';
  if (!info.lastUsed.LastUsedDate) return t(', never used');
  const days = ageInDays(info.lastUsed.LastUsedDate, now);
  return t(', last used {0}', formatAgo(days));
}
