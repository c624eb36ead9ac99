// The AWS account an access key ID belongs to, read from the ID itself: no call. Newer key IDs
// carry it (found by security researchers — Aidan Steele, Tal Be'ery, WithSecure Labs — and
// agreeing with STS GetAccessKeyInfo): base32-decode (RFC 4648, A–Z 2–7) the 16 characters
// after the 4-letter prefix, read the first 6 bytes as a big-endian number, mask
// 0x7fffffffff80 and shift right 7. The masked-off top bit marks the new format (WithSecure's
// "bit 20"): old IDs (AKIAI…, AKIAJ…, top bit 0) carry no account, so they get undefined and
// the caller asks STS.

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Prefix, then a first character with the new-format bit set (Q–Z, 2–7), then 15 more. */
const NEW_FORMAT = /^A[A-Z]{3}[Q-Z2-7][A-Z2-7]{15}$/;

/** The 12-digit account encoded in `accessKeyId`, or undefined when the ID doesn't carry one. */
export function accountFromKeyId(accessKeyId: string): string | undefined {
  if (typeof accessKeyId !== 'string' || !NEW_FORMAT.test(accessKeyId)) return undefined;
  // 10 characters are 50 bits; the first 48 are the 6 bytes.
  let head = 0n;
  for (let i = 4; i < 14; i++) head = (head << 5n) | BigInt(BASE32.indexOf(accessKeyId[i] as string));
  head >>= 2n;
  const account = (head & 0x7fffffffff80n) >> 7n;
  return account.toString().padStart(12, '0');
}
