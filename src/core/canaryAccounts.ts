// AWS accounts that hold canary tokens: access keys planted as tripwires, which alert their
// owner when anyone uses them — and looking one up with its own secret is a use. Key IDs of
// these accounts are named as canary tokens and never looked up (the owner lookup never uses a
// secret, but nothing about such a key is ours to ask AWS). The account is read from the key ID
// itself (core/accountFromKeyId), so keys of the old ID format (no account in the ID) can't be
// recognised here.
//
// Source: trufflesecurity/trufflehog, pkg/detectors/aws/access_keys/canary.go
// (thinkstCanaryList: "an AWS canary token generated at canarytokens.org";
// thinkstKnockoffsCanaryList: "an off brand AWS Canary inspired by canarytokens.org"), and
// 992382622183 also in 0xCardinal/covert-canary-detection tokens/aws_keys.md.
import { accountFromKeyId } from './accountFromKeyId';

export type CanaryProvider = 'canarytokens.org' | 'canarytokens.org look-alike';

const THINKST = ['052310077262', '171436882533', '534261010715', '595918472158', '717712589309', '819147034852', '992382622183', '730335385048', '266735846894'];
const THINKST_KNOCKOFFS = [
  '044858866125', '251535659677', '344043088457', '351906852752', '390477818340', '426127672474', '427150556519', '439872796651',
  '445142720921', '465867158099', '637958123769', '693412236332', '732624840810', '735421457923', '959235150393', '982842642351',
];

const PROVIDERS: ReadonlyMap<string, CanaryProvider> = new Map([
  ...THINKST.map((account) => [account, 'canarytokens.org'] as const),
  ...THINKST_KNOCKOFFS.map((account) => [account, 'canarytokens.org look-alike'] as const),
]);

/** The canary-token provider an account belongs to, if it is a known one. */
export function canaryProviderOfAccount(account: string | undefined): CanaryProvider | undefined {
  return account === undefined ? undefined : PROVIDERS.get(account);
}

/** The canary token an access key ID is, read from the ID alone (no call): its account and provider. */
export function canaryToken(accessKeyId: string): { readonly account: string; readonly provider: CanaryProvider } | undefined {
  const account = accountFromKeyId(accessKeyId);
  const provider = canaryProviderOfAccount(account);
  return account !== undefined && provider !== undefined ? { account, provider } : undefined;
}
