// Shapes of IAM identifiers. Access key IDs are "AKIA" + 16 base32 characters
// (A-Z, 2-7). Newer real keys carry the owning account in their first bits
// (bits 7..46 of the first 6 decoded bytes, as publicly documented by security
// researchers); generated keys do the same, so STS GetAccessKeyInfo can answer
// for any well-formed key, ours or not, the way AWS does.
import { createHash } from 'node:crypto';
import type { SeededRandom } from './random';

export const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const ACCOUNT_MASK = 0x7fffffffff80n;

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** Decodes unpadded base32; undefined when a character is outside A-Z2-7. */
export function base32Decode(text: string): Uint8Array | undefined {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text) {
    const value = BASE32_ALPHABET.indexOf(ch);
    if (value < 0) return undefined;
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return Uint8Array.from(out);
}

/** An access key ID for `accountId` with the given prefix (AKIA long-term, ASIA temporary). */
export function makeAccessKeyId(accountId: string, random: SeededRandom, prefix = 'AKIA'): string {
  const bytes = new Uint8Array(10);
  for (let i = 0; i < bytes.length; i++) bytes[i] = random.int(0, 255);
  // The top bit marks the new format, which carries the account (real keys since ~2019 all have it).
  const head = (BigInt(accountId) << 7n) | BigInt(bytes[5] & 0x7f) | (1n << 47n);
  for (let i = 0; i < 6; i++) bytes[i] = Number((head >> BigInt(8 * (5 - i))) & 0xffn);
  return prefix + base32Encode(bytes);
}

/**
 * The account an access key ID belongs to, read from its bits. Key IDs that are not
 * 4 letters + base32 (hand-made test IDs, old-style keys) get a stable account
 * derived from a hash instead, so the answer is still deterministic.
 */
export function accountIdFromAccessKeyId(accessKeyId: string): string {
  const decoded = /^[A-Z]{4}[A-Z2-7]{16}$/.test(accessKeyId) ? base32Decode(accessKeyId.slice(4)) : undefined;
  let account: bigint;
  if (decoded) {
    let head = 0n;
    for (let i = 0; i < 6; i++) head = (head << 8n) | BigInt(decoded[i]);
    account = (head & ACCOUNT_MASK) >> 7n;
  } else {
    const digest = createHash('sha256').update(accessKeyId).digest();
    account = digest.readBigUInt64BE(0) % 1_000_000_000_000n;
  }
  return account.toString().padStart(12, '0');
}

/** Unique ID of an IAM user: "AIDA" + 17 base32 characters, as IAM shows them. */
export function makeUserId(random: SeededRandom): string {
  return 'AIDA' + random.chars(BASE32_ALPHABET, 17);
}

/** A 40-character secret in the same alphabet as real ones; only ever a test value here. */
export function makeSecretAccessKey(random: SeededRandom): string {
  return random.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 40);
}
