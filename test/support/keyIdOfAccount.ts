// A new-format long-term access key ID of a given account, encoded for the tests from the
// published format (base32 of (1 << 47 | account << 7) << 2 in the first 10 characters), not by
// the product's decoder or the emulator's generator.
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `AKIA` + the account's 10 characters + `tail` (6 base32 characters). */
export function keyIdOfAccount(account: string, tail = 'ABCDEF'): string {
  let bits = ((1n << 47n) | (BigInt(account) << 7n)) << 2n; // 50 bits: 10 base32 characters
  let head = '';
  for (let i = 0; i < 10; i++, bits >>= 5n) head = BASE32[Number(bits & 31n)] + head;
  return `AKIA${head}${tail}`;
}
