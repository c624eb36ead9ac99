// `aws iam list-access-keys` semantics on top of IamApi: --page-size is MaxItems per call,
// --max-items caps the total, --starting-token resumes; a cut inside a page gives a
// NextToken in botocore's own format, so it can be pasted into the CLI and back.
import { type CliAccessKey, accessKeyToCli, decodeCliNextToken, encodeCliNextToken } from '../core/cliJson';
import type { IamApi } from './iamApi';

export interface ListAccessKeysArgs {
  readonly userName?: string;
  readonly maxItems?: number;
  readonly pageSize?: number;
  readonly startingToken?: string;
}

export interface ListAccessKeysOutput {
  AccessKeyMetadata: CliAccessKey[];
  NextToken?: string;
}

export async function listAccessKeysLikeCli(api: IamApi, args: ListAccessKeysArgs, signal?: AbortSignal): Promise<ListAccessKeysOutput> {
  const start = args.startingToken ? decodeCliNextToken(args.startingToken) : {};
  const pageSize = args.pageSize ?? 100;
  const limit = args.maxItems ?? Number.POSITIVE_INFINITY;
  const collected: CliAccessKey[] = [];
  let marker = start.marker;
  let skip = start.truncateAmount ?? 0;
  for (;;) {
    const page = await api.listAccessKeys({ userName: args.userName, maxItems: pageSize, marker, abortSignal: signal });
    const usable = page.items.slice(skip);
    const room = limit - collected.length;
    if (usable.length > room) {
      collected.push(...usable.slice(0, room).map((k) => accessKeyToCli(k)));
      return { AccessKeyMetadata: collected, NextToken: encodeCliNextToken({ marker, truncateAmount: skip + room }) };
    }
    collected.push(...usable.map((k) => accessKeyToCli(k)));
    skip = 0;
    if (!page.nextMarker) return { AccessKeyMetadata: collected };
    marker = page.nextMarker;
    if (collected.length >= limit) return { AccessKeyMetadata: collected, NextToken: encodeCliNextToken({ marker }) };
  }
}
