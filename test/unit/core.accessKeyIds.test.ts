import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  describeIdKind,
  findAccessKeyIds,
  idAt,
  ID_PREFIXES,
  isAccessKeyKind,
  kindForPrefix,
  type DetectedId,
  type IdKind,
} from '../../src/core/accessKeyIds';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');
const KEY_PREFIXES = ['AKIA', 'ASIA'];
const OTHER_PREFIXES = Object.keys(ID_PREFIXES).filter((p) => !KEY_PREFIXES.includes(p));

function body(n: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...UPPER_ALNUM), minLength: n, maxLength: n });
}

/** A well-formed ID of any known prefix. */
const validId: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom(...KEY_PREFIXES), body(16)).map(([p, b]) => p + b),
  fc.tuple(fc.constantFrom(...OTHER_PREFIXES), fc.constantFrom(16, 17)).chain(([p, n]) => body(n).map((b) => p + b)),
);

/** Characters that end a token: anything but [A-Za-z0-9]. */
const separator = fc.constantFrom(' ', '\n', '\t', '/', '=', '"', "'", ',', ':', '_', '-', '+', '.', '(', ')', 'é', '😀', '\u00a0');

/** Filler that can never contain an ID: no "A" at all. */
const filler = fc.string({
  unit: fc.constantFrom(...Array.from('bcdefghijklmnopqrstuvwxyzBCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \n\t/=+_-.,:;"\'{}[]é😀')),
  maxLength: 40,
});

/** Strings that look almost like IDs but are not. */
const nearMiss: fc.Arbitrary<string> = fc.oneof(
  // one character short
  fc.tuple(fc.constantFrom(...KEY_PREFIXES), body(15)).map(([p, b]) => p + b),
  fc.tuple(fc.constantFrom(...OTHER_PREFIXES), body(15)).map(([p, b]) => p + b),
  // one too many for an access key, two too many for others
  fc.tuple(fc.constantFrom(...KEY_PREFIXES), body(17)).map(([p, b]) => p + b),
  fc.tuple(fc.constantFrom(...OTHER_PREFIXES), body(18)).map(([p, b]) => p + b),
  // a lower-case letter somewhere in the body
  fc
    .tuple(fc.constantFrom(...KEY_PREFIXES), body(16), fc.nat(15), fc.constantFrom(...'abcxyz'.split('')))
    .map(([p, b, i, c]) => p + b.slice(0, i) + c + b.slice(i + 1)),
  // lower-case prefix
  fc.tuple(fc.constantFrom('akia', 'asia', 'Akia', 'aKIA', 'aroa'), body(16)).map(([p, b]) => p + b),
  // glued to a letter or digit on either side
  fc.tuple(validId, fc.constantFrom(...'xZ0a9'.split(''))).map(([id, c]) => c + id),
  fc.tuple(validId, fc.constantFrom('x', 'a', 'z')).map(([id, c]) => id + c),
  // a 21st character after an access key (for other prefixes that would be a valid 21-char ID)
  fc.tuple(fc.constantFrom(...KEY_PREFIXES), body(16), fc.constantFrom('Z', '0', '9')).map(([p, b, c]) => p + b + c),
  // unknown prefix
  fc.tuple(fc.constantFrom('AKIB', 'AXIA', 'ASIB', 'AIDB', 'BKIA'), body(16)).map(([p, b]) => p + b),
);

/** Straightforward per-position reference scanner, to compare the regex against. */
function naiveScan(text: string): DetectedId[] {
  const isAlnum = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9]/.test(c);
  const isBody = (c: string | undefined): boolean => c !== undefined && /[A-Z0-9]/.test(c);
  const out: DetectedId[] = [];
  for (let i = 0; i + 4 <= text.length; i++) {
    if (isAlnum(text[i - 1])) continue;
    const prefix = text.slice(i, i + 4);
    const kind = kindForPrefix(prefix);
    if (!kind) continue;
    const lengths = KEY_PREFIXES.includes(prefix) ? [16] : [17, 16];
    for (const n of lengths) {
      let okBody = true;
      for (let j = i + 4; j < i + 4 + n; j++) okBody &&= isBody(text[j]);
      if (okBody && !isAlnum(text[i + 4 + n])) {
        out.push({ id: text.slice(i, i + 4 + n), start: i, end: i + 4 + n, prefix, kind });
        break;
      }
    }
  }
  return out;
}

describe('core/accessKeyIds', () => {
  describe('findAccessKeyIds', () => {
    it('finds access keys with offsets, prefix and kind', () => {
      const text = 'key=AKIAIOSFODNN7EXAMPLE\nsts: ASIAJEXAMPLEXEG2JICE.';
      assert.deepEqual(findAccessKeyIds(text), [
        { id: 'AKIAIOSFODNN7EXAMPLE', start: 4, end: 24, prefix: 'AKIA', kind: 'access-key' },
        { id: 'ASIAJEXAMPLEXEG2JICE', start: 30, end: 50, prefix: 'ASIA', kind: 'temporary-access-key' },
      ]);
    });

    it('recognises every unique-ID prefix from the IAM docs, at 20 and 21 characters', () => {
      const expected: Record<string, IdKind> = {
        AIDA: 'user',
        AROA: 'role',
        AGPA: 'group',
        AIPA: 'instance-profile',
        ANPA: 'managed-policy',
        ANVA: 'managed-policy-version',
        APKA: 'public-key',
        ABIA: 'bearer-token',
        ACCA: 'context-specific-credential',
        ASCA: 'certificate',
        AAGA: 'action-group',
      };
      for (const [prefix, kind] of Object.entries(expected)) {
        for (const id of [`${prefix}JQABLZS4A3QDU576Q`, `${prefix}EIBAERJR2EXAMPLE`]) {
          const found = findAccessKeyIds(`(${id})`);
          assert.deepEqual(found, [{ id, start: 1, end: 1 + id.length, prefix, kind }], id);
        }
      }
      assert.deepEqual(findAccessKeyIds('AIDAJQABLZS4A3QDU576Q').map((d) => d.kind), ['user']);
    });

    it('needs a boundary on both sides', () => {
      const key = 'AKIAIOSFODNN7EXAMPLE';
      assert.equal(findAccessKeyIds(`x${key}`).length, 0);
      assert.equal(findAccessKeyIds(`0${key}`).length, 0);
      assert.equal(findAccessKeyIds(`${key}X`).length, 0);
      assert.equal(findAccessKeyIds(`${key}1`).length, 0);
      assert.equal(findAccessKeyIds(`${key}a`).length, 0);
      // base64 blob containing a key-shaped run
      assert.equal(findAccessKeyIds(`dGhpcyBpcyBh${key}Zm9vYmFy`).length, 0);
      // but punctuation, underscores and non-ASCII letters are boundaries
      for (const [l, r] of [['/', '/'], ['_', '_'], ['é', 'é'], ['"', '"'], ['=', '&']]) {
        assert.equal(findAccessKeyIds(`${l}${key}${r}`).length, 1, `${l}…${r}`);
      }
      assert.deepEqual(
        findAccessKeyIds(`Credential=${key}/20150830/us-east-1/iam/aws4_request`).map((d) => d.start),
        [11],
      );
    });

    it('rejects near misses', () => {
      for (const s of [
        'AKIAIOSFODNN7EXAMPL', // 15
        'AKIAIOSFODNN7EXAMPLE1', // 17
        'AKIAIOSFODNN7EXAMPLe', // lower case
        'akiaIOSFODNN7EXAMPLE',
        'AKIA IOSFODNN7EXAMPLE',
        'AIDAJQABLZS4A3QDU576QQ', // 18 after prefix
        'AIDAJQABLZS4A3QDU57', // 15 after prefix
      ]) {
        assert.deepEqual(findAccessKeyIds(s), [], s);
      }
    });

    it('finds exactly the planted IDs, with their offsets, in random text', () => {
      const segment = fc.oneof(
        { weight: 2, arbitrary: validId.map((id) => ({ text: id, planted: true })) },
        { weight: 2, arbitrary: nearMiss.map((text) => ({ text, planted: false })) },
        { weight: 3, arbitrary: filler.map((text) => ({ text, planted: false })) },
      );
      fc.assert(
        fc.property(fc.array(fc.tuple(separator, segment, separator), { maxLength: 30 }), (parts) => {
          let text = '';
          const expected: { id: string; start: number }[] = [];
          for (const [before, seg, after] of parts) {
            text += before;
            if (seg.planted) expected.push({ id: seg.text, start: text.length });
            text += seg.text + after;
          }
          const found = findAccessKeyIds(text);
          assert.deepEqual(
            found.map((d) => ({ id: d.id, start: d.start })),
            expected,
          );
          for (const d of found) {
            assert.equal(text.slice(d.start, d.end), d.id);
            assert.equal(d.prefix, d.id.slice(0, 4));
            assert.equal(d.kind, ID_PREFIXES[d.prefix]);
          }
        }),
        { numRuns: 300 },
      );
    });

    it('never matches a malformed near-key, wherever it sits', () => {
      fc.assert(
        fc.property(separator, nearMiss, separator, (l, s, r) => {
          assert.deepEqual(findAccessKeyIds(l + s + r), []);
        }),
        { numRuns: 500 },
      );
    });

    it('agrees with a naive scanner on adversarial token soup', () => {
      const token = fc.oneof(
        validId,
        nearMiss,
        fc.constantFrom('AKIA', 'ASIA', 'AROA', 'A', 'AA', 'x', '0', ' ', '/', 'é'),
        fc.string({ unit: fc.constantFrom('A', 'K', 'I', 'S', 'R', 'O', '7', 'a', ' '), maxLength: 25 }),
      );
      fc.assert(
        fc.property(fc.array(token, { maxLength: 20 }), (tokens) => {
          const text = tokens.join('');
          assert.deepEqual(findAccessKeyIds(text), naiveScan(text));
        }),
        { numRuns: 500 },
      );
    });

    it('is not affected by earlier calls (global regex state)', () => {
      const a = 'AKIAIOSFODNN7EXAMPLE and AKIAI44QH8DHBEXAMPLE';
      assert.equal(findAccessKeyIds(a).length, 2);
      assert.equal(findAccessKeyIds('AKIAI44QH8DHBEXAMPLE').length, 1);
      assert.equal(findAccessKeyIds(a).length, 2);
      assert.deepEqual(findAccessKeyIds(''), []);
      assert.deepEqual(findAccessKeyIds(undefined as unknown as string), []);
    });

    it('scans 5 MB in well under a second', function () {
      this.timeout(20000);
      let seed = 42;
      const rand = (n: number): number => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
      };
      const words = ['the', 'AWS_ACCESS_KEY_ID=', 'Account', 'Access', 'ASIA', 'AKIAx', '{"a":', '1234567890', 'lorem', 'ipsum', '\n'];
      const chunks: string[] = [];
      let size = 0;
      let planted = 0;
      while (size < 5 * 1024 * 1024) {
        const w = rand(50) === 0 ? `AKIA${'ABCDEFGHIJKLMNOP'}` : (words[rand(words.length)] as string);
        if (w.startsWith('AKIAABC')) planted++;
        chunks.push(w, ' ');
        size += w.length + 1;
      }
      const text = chunks.join('');
      findAccessKeyIds(text.slice(0, 100000)); // warm up
      const t0 = process.hrtime.bigint();
      const found = findAccessKeyIds(text);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      assert.equal(found.length, planted);
      assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
    });
  });

  describe('idAt', () => {
    const line = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE # AROADBQP57FF2AEXAMPLE';

    it('returns the ID under the cursor, including just past its end', () => {
      const start = line.indexOf('AKIA');
      for (let c = start; c <= start + 20; c++) {
        assert.equal(idAt(line, c)?.id, 'AKIAIOSFODNN7EXAMPLE', `character ${c}`);
        assert.equal(idAt(line, c)?.start, start);
      }
      assert.equal(idAt(line, start - 1), undefined);
      assert.equal(idAt(line, start + 21), undefined);
      assert.deepEqual(idAt(line, line.length), {
        id: 'AROADBQP57FF2AEXAMPLE',
        start: line.length - 21,
        end: line.length,
        prefix: 'AROA',
        kind: 'role',
      });
    });

    it('ignores out-of-range and non-integer positions', () => {
      assert.equal(idAt(line, -1), undefined);
      assert.equal(idAt(line, line.length + 1), undefined);
      assert.equal(idAt(line, 25.5), undefined);
      assert.equal(idAt(line, NaN), undefined);
    });

    it('agrees with a full scan of the line at every position', () => {
      const token = fc.oneof(validId, nearMiss, separator, filler);
      fc.assert(
        fc.property(
          fc.array(token, { maxLength: 12 }).map((t) => t.join('')),
          fc.nat(),
          (text, n) => {
            const c = text.length === 0 ? 0 : n % (text.length + 1);
            const all = findAccessKeyIds(text);
            const expected = all.find((d) => d.start <= c && c <= d.end);
            assert.deepEqual(idAt(text, c), expected);
          },
        ),
        { numRuns: 500 },
      );
    });

    it('respects boundaries outside its scan window on long lines', () => {
      const key = 'AKIAIOSFODNN7EXAMPLE';
      const long = 'x'.repeat(100000) + key + 'y' + ' ' + key + ' ' + 'z'.repeat(100000);
      assert.equal(idAt(long, 100005), undefined); // glued on both sides
      assert.equal(idAt(long, 100000 + 22 + 3)?.start, 100022);
    });
  });

  describe('kinds', () => {
    it('labels every kind distinctly', () => {
      const kinds = Object.values(ID_PREFIXES);
      const labels = kinds.map(describeIdKind);
      assert.equal(new Set(labels).size, kinds.length);
      assert.equal(describeIdKind('role'), 'IAM role');
      assert.equal(describeIdKind('access-key'), 'Access key (long-term)');
    });

    it('treats only AKIA and ASIA as access keys', () => {
      const keyKinds = Object.values(ID_PREFIXES).filter(isAccessKeyKind);
      assert.deepEqual(keyKinds.sort(), ['access-key', 'temporary-access-key']);
    });

    it('maps prefixes without tripping on inherited names', () => {
      assert.equal(kindForPrefix('AKIA'), 'access-key');
      assert.equal(kindForPrefix('toString'), undefined);
      assert.equal(kindForPrefix('AXXA'), undefined);
    });
  });
});
