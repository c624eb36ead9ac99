// Keys and users as listed, with their dates kept as numbers (#22 memory): a Date costs 96
// bytes of heap, and a tree of 100 accounts × 1,000 keys holds 150,000 of them. The Date is
// made when read (a fresh one each time: nobody can change the record's), and a record prints
// as the plain object it stands for (toJSON). A user's ARN is rebuilt from its account's shared
// head, its path and name (compactFields.ts). Spread drops the dates and the ARN: build a new
// object instead.
import type { AccessKey, AccessKeyStatus, IamUser } from '../../core/types';
import { packDate, sharedText, unpackDate, userArnHead } from './compactFields';

/**
 * A listed key. Its status is its class's (one of three, on the prototype, not a field), and it
 * has room for the tree row that shows it (`shownIn`): in the explorer a key's row is its record,
 * no row object per key (#22 memory). Both are accessors, so neither prints nor spreads.
 */
export abstract class ListedAccessKey implements AccessKey {
  abstract readonly Status: AccessKeyStatus;
  readonly #created: number;
  #shownIn: unknown;

  /** The record for a key as ListAccessKeys answered it. */
  static of(userName: string, accessKeyId: string, status: AccessKeyStatus, created: Date): ListedAccessKey {
    const known = Object.hasOwn(KEY_OF_STATUS, status) ? KEY_OF_STATUS[status] : undefined;
    return known ? new known(userName, accessKeyId, created) : new OtherStatusKey(userName, accessKeyId, created, status);
  }

  constructor(
    readonly UserName: string,
    readonly AccessKeyId: string,
    created: Date,
  ) {
    this.#created = packDate(created);
  }

  get CreateDate(): Date {
    return unpackDate(this.#created);
  }

  /** The list row that shows this key (set by that row), or undefined. */
  get shownIn(): unknown {
    return this.#shownIn;
  }
  set shownIn(row: unknown) {
    this.#shownIn = row;
  }

  toJSON(): AccessKey {
    return { UserName: this.UserName, AccessKeyId: this.AccessKeyId, Status: this.Status, CreateDate: this.CreateDate };
  }
}

class ActiveKey extends ListedAccessKey {
  get Status(): AccessKeyStatus {
    return 'Active';
  }
}
class InactiveKey extends ListedAccessKey {
  get Status(): AccessKeyStatus {
    return 'Inactive';
  }
}
class ExpiredKey extends ListedAccessKey {
  get Status(): AccessKeyStatus {
    return 'Expired';
  }
}
/** A status IAM may add later, kept as given. */
class OtherStatusKey extends ListedAccessKey {
  constructor(
    userName: string,
    accessKeyId: string,
    created: Date,
    readonly Status: AccessKeyStatus,
  ) {
    super(userName, accessKeyId, created);
  }
}
const KEY_OF_STATUS: Record<AccessKeyStatus, new (userName: string, accessKeyId: string, created: Date) => ListedAccessKey> = {
  Active: ActiveKey,
  Inactive: InactiveKey,
  Expired: ExpiredKey,
};

/** An ARN not built as head + path + name, kept whole. */
class WholeArn {
  constructor(readonly arn: string) {}
}

export class ListedUser implements IamUser {
  readonly Path: string;
  /** The account's ARN head, shared by its users (the ARN is head + Path + UserName), or the whole ARN. */
  readonly #arn: string | WholeArn;
  readonly #created: number;
  /** undefined when IAM gave none (never used, or no password): no number box then. */
  readonly #passwordUsed: number | undefined;

  constructor(
    readonly UserName: string,
    readonly UserId: string,
    arn: string,
    path: string,
    created: Date,
    passwordUsed: Date | undefined,
  ) {
    this.Path = sharedText(path);
    this.#arn = userArnHead(arn, path, UserName) ?? new WholeArn(arn);
    this.#created = packDate(created);
    this.#passwordUsed = passwordUsed && packDate(passwordUsed);
  }

  get Arn(): string {
    const arn = this.#arn;
    return typeof arn === 'string' ? arn + this.Path + this.UserName : arn.arn;
  }

  get CreateDate(): Date {
    return unpackDate(this.#created);
  }

  get PasswordLastUsed(): Date | undefined {
    return this.#passwordUsed === undefined ? undefined : unpackDate(this.#passwordUsed);
  }

  toJSON(): IamUser {
    return { UserName: this.UserName, UserId: this.UserId, Arn: this.Arn, Path: this.Path, CreateDate: this.CreateDate, PasswordLastUsed: this.PasswordLastUsed };
  }
}
