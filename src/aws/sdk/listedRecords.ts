// Keys and users as listed, with their dates kept as numbers (#22 memory): a Date costs 96
// bytes of heap, and a tree of 100 accounts × 1,000 keys holds 150,000 of them. The Date is
// made when read (a fresh one each time: nobody can change the record's), and a record prints
// as the plain object it stands for (toJSON). Spread drops the dates: build a new object instead.
import type { AccessKey, AccessKeyStatus, IamUser } from '../../core/types';

export class ListedAccessKey implements AccessKey {
  readonly #created: number;

  constructor(
    readonly UserName: string,
    readonly AccessKeyId: string,
    readonly Status: AccessKeyStatus,
    created: Date,
  ) {
    this.#created = created.getTime();
  }

  get CreateDate(): Date {
    return new Date(this.#created);
  }

  toJSON(): AccessKey {
    return { UserName: this.UserName, AccessKeyId: this.AccessKeyId, Status: this.Status, CreateDate: this.CreateDate };
  }
}

export class ListedUser implements IamUser {
  readonly #created: number;
  /** undefined when IAM gave none (never used, or no password): no number box then. */
  readonly #passwordUsed: number | undefined;

  constructor(
    readonly UserName: string,
    readonly UserId: string,
    readonly Arn: string,
    readonly Path: string,
    created: Date,
    passwordUsed: Date | undefined,
  ) {
    this.#created = created.getTime();
    this.#passwordUsed = passwordUsed?.getTime();
  }

  get CreateDate(): Date {
    return new Date(this.#created);
  }

  get PasswordLastUsed(): Date | undefined {
    return this.#passwordUsed === undefined ? undefined : new Date(this.#passwordUsed);
  }

  toJSON(): IamUser {
    return { UserName: this.UserName, UserId: this.UserId, Arn: this.Arn, Path: this.Path, CreateDate: this.CreateDate, PasswordLastUsed: this.PasswordLastUsed };
  }
}
