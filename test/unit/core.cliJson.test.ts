import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import type { AccessKey } from '../../src/core/types';
import {
  accessKeyJsonDocument,
  accessKeyToCli,
  cliCommandFor,
  decodeCliNextToken,
  encodeCliNextToken,
  formatCliTimestamp,
  listAccessKeysCliOutput,
  pythonJsonDumps,
  shellQuote,
  toCliJsonText,
} from '../../src/core/cliJson';
import { thrownMessage } from '../support/thrownMessage';

const bob1: AccessKey = {
  UserName: 'Bob',
  AccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  Status: 'Active',
  CreateDate: new Date('2013-06-04T18:17:34Z'),
};
const bob2: AccessKey = {
  UserName: 'Bob',
  AccessKeyId: 'AKIAI44QH8DHBEXAMPLE',
  Status: 'Inactive',
  CreateDate: new Date('2013-06-06T20:42:26Z'),
};

// Produced with CPython 3: base64.b64encode(json.dumps(d).encode()).decode()
const PY_TOKENS: { token: string; decoded: { marker?: string; truncateAmount?: number } }[] = [
  { token: 'eyJNYXJrZXIiOiAiQUFFQUFYMCJ9', decoded: { marker: 'AAEAAX0' } },
  { token: 'eyJNYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==', decoded: { truncateAmount: 2 } },
  {
    token:
      'eyJNYXJrZXIiOiAiXHUwMGM0L1x1MDBmNitcIlxcXG5cdTAwN2ZcdWQ4M2RcdWRlMDAiLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==',
    decoded: { marker: 'Ä/ö+"\\\n\x7f😀', truncateAmount: 1 },
  },
];


describe('core/cliJson', () => {
  describe('formatCliTimestamp', () => {
    it('prints what IAM sends by default (CLI v1 cli_timestamp_format=wire)', () => {
      assert.equal(formatCliTimestamp(new Date('2016-12-01T22:19:58Z')), '2016-12-01T22:19:58Z');
      assert.equal(formatCliTimestamp(new Date('2016-12-01T22:19:58.120Z'), 'wire'), '2016-12-01T22:19:58.120Z');
      assert.equal(formatCliTimestamp(new Date('0999-01-02T03:04:05Z')), '0999-01-02T03:04:05Z');
    });

    it('prints Python isoformat() for iso8601', () => {
      assert.equal(formatCliTimestamp(new Date('2016-12-01T22:19:58Z'), 'iso8601'), '2016-12-01T22:19:58+00:00');
      assert.equal(formatCliTimestamp(new Date('2016-12-01T22:19:58.123Z'), 'iso8601'), '2016-12-01T22:19:58.123000+00:00');
      assert.equal(formatCliTimestamp(new Date('2016-12-01T22:19:58.007Z'), 'iso8601'), '2016-12-01T22:19:58.007000+00:00');
    });

    it('round-trips through Date for any instant', () => {
      fc.assert(
        fc.property(fc.date({ min: new Date('1970-01-01Z'), max: new Date('9999-12-31Z'), noInvalidDate: true }), (d) => {
          assert.equal(new Date(formatCliTimestamp(d)).getTime(), d.getTime());
          assert.equal(new Date(formatCliTimestamp(d, 'iso8601')).getTime(), d.getTime());
        }),
      );
    });

    it('refuses invalid dates', () => {
      assert.throws(() => formatCliTimestamp(new Date(NaN)), RangeError);
    });
  });

  describe('list-access-keys output', () => {
    it('uses the IAM model’s member order', () => {
      assert.deepEqual(Object.keys(accessKeyToCli(bob1)), ['UserName', 'AccessKeyId', 'Status', 'CreateDate']);
    });

    it('prints exactly what `aws iam list-access-keys --output json` prints', () => {
      const expected = [
        '{',
        '    "AccessKeyMetadata": [',
        '        {',
        '            "UserName": "Bob",',
        '            "AccessKeyId": "AKIAIOSFODNN7EXAMPLE",',
        '            "Status": "Active",',
        '            "CreateDate": "2013-06-04T18:17:34Z"',
        '        },',
        '        {',
        '            "UserName": "Bob",',
        '            "AccessKeyId": "AKIAI44QH8DHBEXAMPLE",',
        '            "Status": "Inactive",',
        '            "CreateDate": "2013-06-06T20:42:26Z"',
        '        }',
        '    ]',
        '}',
        '',
      ].join('\n');
      assert.equal(toCliJsonText(listAccessKeysCliOutput([bob1, bob2])), expected);
    });

    it('adds NextToken last, only when there is one', () => {
      assert.deepEqual(Object.keys(listAccessKeysCliOutput([bob1], 'abc')), ['AccessKeyMetadata', 'NextToken']);
      assert.deepEqual(Object.keys(listAccessKeysCliOutput([bob1], '')), ['AccessKeyMetadata']);
      assert.equal(toCliJsonText(listAccessKeysCliOutput([])), '{\n    "AccessKeyMetadata": []\n}\n');
    });

    it('can use the iso8601 timestamp format', () => {
      assert.equal(listAccessKeysCliOutput([bob1], undefined, { timestampFormat: 'iso8601' }).AccessKeyMetadata[0]?.CreateDate, '2013-06-04T18:17:34+00:00');
    });
  });

  describe('accessKeyJsonDocument', () => {
    it('is the key alone when last use is unknown', () => {
      assert.deepEqual(accessKeyJsonDocument(bob1), accessKeyToCli(bob1));
      assert.ok(!('AccessKeyLastUsed' in accessKeyJsonDocument(bob1)));
    });

    it('puts last use under its own key in GetAccessKeyLastUsed’s shape and order', () => {
      const doc = accessKeyJsonDocument(bob1, {
        UserName: 'Bob',
        LastUsedDate: new Date('2015-06-16T22:45:00Z'),
        ServiceName: 'iam',
        Region: 'us-east-1',
      });
      assert.deepEqual(Object.keys(doc), ['UserName', 'AccessKeyId', 'Status', 'CreateDate', 'AccessKeyLastUsed']);
      assert.deepEqual(doc.AccessKeyLastUsed, { LastUsedDate: '2015-06-16T22:45:00Z', ServiceName: 'iam', Region: 'us-east-1' });
      assert.deepEqual(Object.keys(doc.AccessKeyLastUsed ?? {}), ['LastUsedDate', 'ServiceName', 'Region']);
    });

    it('omits LastUsedDate for a never-used key, as IAM does', () => {
      const doc = accessKeyJsonDocument(bob1, { UserName: 'Bob', ServiceName: 'N/A', Region: 'N/A' });
      assert.deepEqual(doc.AccessKeyLastUsed, { ServiceName: 'N/A', Region: 'N/A' });
      assert.match(toCliJsonText(doc), /"AccessKeyLastUsed": \{\n {8}"ServiceName": "N\/A",\n {8}"Region": "N\/A"\n {4}\}\n\}\n$/);
    });
  });

  describe('toCliJsonText / pythonJsonDumps', () => {
    it('matches CPython json.dumps(indent=4, ensure_ascii=False) byte for byte', () => {
      const obj = {
        UserName: 'Zoë',
        Tags: [],
        Map: {},
        Ctl: 'a\x01\x1f\x7f"\\/\b\f\n\r\t',
        Emoji: '😀',
        N: [1, -2, true, false, null],
        Nested: { A: [{ B: [] }] },
      };
      // repr() of CPython's output
      const python =
        '{\n    "UserName": "Zoë",\n    "Tags": [],\n    "Map": {},\n    "Ctl": "a\\u0001\\u001f\x7f\\"\\\\/\\b\\f\\n\\r\\t",\n    "Emoji": "😀",\n    "N": [\n        1,\n        -2,\n        true,\n        false,\n        null\n    ],\n    "Nested": {\n        "A": [\n            {\n                "B": []\n            }\n        ]\n    }\n}\n';
      assert.equal(toCliJsonText(obj), python);
    });

    it('agrees with JSON.stringify(…, 4) for JSON data with integer numbers', () => {
      const data = fc.jsonValue().map((v) =>
        JSON.parse(JSON.stringify(v), (_k, x: unknown) => (typeof x === 'number' ? Math.trunc(x) + 0 : x)),
      );
      fc.assert(
        fc.property(data, (v) => {
          assert.equal(toCliJsonText(v), JSON.stringify(v, null, 4) + '\n');
        }),
      );
    });

    it('writes one line with Python’s default separators when not indented', () => {
      assert.equal(pythonJsonDumps({ a: [1, 2], b: {}, c: 'é' }), '{"a": [1, 2], "b": {}, "c": "\\u00e9"}');
      assert.equal(pythonJsonDumps('😀'), '"\\ud83d\\ude00"');
      assert.equal(pythonJsonDumps([NaN, Infinity, -Infinity]), '[NaN, Infinity, -Infinity]');
    });

    it('writes dates like the CLI’s json_encoder, skips undefined, and refuses cycles', () => {
      assert.equal(pythonJsonDumps({ d: new Date('2020-01-02T03:04:05Z'), u: undefined }), '{"d": "2020-01-02T03:04:05+00:00"}');
      const cyclic: Record<string, unknown> = { a: 1 };
      cyclic.self = cyclic;
      assert.throws(() => toCliJsonText(cyclic), /Circular/);
      // the same object twice is not a cycle
      const shared = { x: 1 };
      assert.equal(pythonJsonDumps([shared, shared]), '[{"x": 1}, {"x": 1}]');
      assert.throws(() => pythonJsonDumps({ f: () => 1 }), TypeError);
    });

    it('escapes lone surrogates, which UTF-8 cannot carry', () => {
      assert.equal(toCliJsonText('a\ud800b'), '"a\\ud800b"\n');
      assert.equal(toCliJsonText('\udc00'), '"\\udc00"\n');
    });
  });

  describe('NextToken', () => {
    it('encodes exactly as botocore does', () => {
      for (const { token, decoded } of PY_TOKENS) assert.equal(encodeCliNextToken(decoded), token);
    });

    it('decodes botocore tokens', () => {
      for (const { token, decoded } of PY_TOKENS) assert.deepEqual(decodeCliNextToken(token), decoded);
    });

    it('round-trips any marker and truncate amount', () => {
      const arb = fc
        .record({
          marker: fc.option(fc.string({ unit: 'binary', maxLength: 320 }), { nil: undefined }),
          truncateAmount: fc.option(fc.nat(1000), { nil: undefined }),
        })
        .filter((t) => t.marker !== undefined || t.truncateAmount !== undefined)
        .map((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)));
      fc.assert(
        fc.property(arb, (t) => {
          const token = encodeCliNextToken(t);
          assert.match(token, /^[A-Za-z0-9+/]+={0,2}$/);
          assert.deepEqual(decodeCliNextToken(token), t);
        }),
      );
    });

    it('tolerates whitespace from wrapped pastes', () => {
      const t = PY_TOKENS[1]!.token;
      assert.deepEqual(decodeCliNextToken(`  ${t.slice(0, 20)}\n${t.slice(20)} \n`), { truncateAmount: 2 });
    });

    it('throws a clear error for garbage', () => {
      const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
      const cases: [string, RegExp][] = [
        ['', /empty/],
        ['not a token!', /not base64/],
        ['abc', /not base64/],
        [b64('hello'), /not hold JSON/],
        [Buffer.from([0xff, 0xfe, 0x00]).toString('base64'), /UTF-8/],
        [b64('[1,2]'), /not hold a JSON object/],
        [b64('null'), /not hold a JSON object/],
        [b64('{"Marker": 5}'), /Marker is not a string/],
        [b64('{"Marker": "a", "boto_truncate_amount": -1}'), /boto_truncate_amount/],
        [b64('{"Marker": "a", "boto_truncate_amount": 1.5}'), /boto_truncate_amount/],
        [b64('{"Marker": "a", "boto_truncate_amount": "2"}'), /boto_truncate_amount/],
        [b64('{"NextToken": "x"}'), /unexpected key "NextToken"/],
      ];
      for (const [token, why] of cases) {
        const message = thrownMessage(() => decodeCliNextToken(token));
        assert.match(message, /^Invalid NextToken /, token);
        assert.match(message, why, token);
      }
      assert.match(thrownMessage(() => decodeCliNextToken('x'.repeat(100))), /x{37}…"/);
    });

    it('only ever throws "Invalid NextToken" errors', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.base64String(), fc.json().map((j) => Buffer.from(j).toString('base64'))), (s) => {
          try {
            const r = decodeCliNextToken(s);
            assert.ok(r.marker === undefined || typeof r.marker === 'string');
          } catch (e) {
            assert.match((e as Error).message, /^Invalid NextToken /);
          }
        }),
      );
    });

    it('refuses to encode nothing or a bad amount', () => {
      assert.throws(() => encodeCliNextToken({}), /marker or a truncate amount/);
      assert.throws(() => encodeCliNextToken({ marker: 'a', truncateAmount: -1 }), RangeError);
      assert.throws(() => encodeCliNextToken({ marker: 'a', truncateAmount: 0.5 }), RangeError);
    });
  });

  describe('command line', () => {
    it('quotes only when needed, like shlex.quote', () => {
      assert.equal(shellQuote('bob'), 'bob');
      assert.equal(shellQuote('a.b@c+d=e,f:g/h_i-j%k'), 'a.b@c+d=e,f:g/h_i-j%k');
      assert.equal(shellQuote(''), "''");
      assert.equal(shellQuote('two words'), "'two words'");
      assert.equal(shellQuote("it's"), `'it'"'"'s'`);
      assert.equal(shellQuote('$HOME'), "'$HOME'");
    });

    it('survives a real POSIX shell unchanged', function () {
      if (process.platform === 'win32') this.skip();
      this.timeout(20000);
      const arb = fc.string({ unit: fc.constantFrom(...Array.from('ab c\'"$`\\!*?;&|<>(){}[]#~=%\n\té😀')), maxLength: 12 });
      fc.assert(
        fc.property(arb, (s) => {
          const out = execFileSync('/bin/sh', ['-c', `printf '%s' ${shellQuote(s)}`], { encoding: 'utf8' });
          assert.equal(out, s);
        }),
        { numRuns: 60 },
      );
    });

    it('builds the equivalent aws command', () => {
      assert.equal(cliCommandFor({}), 'aws iam list-access-keys');
      assert.equal(
        cliCommandFor({ userName: 'bob', profile: 'dev', region: 'us-east-1', endpoint: 'http://localhost:4566' }),
        'aws iam list-access-keys --user-name bob --profile dev --region us-east-1 --endpoint-url http://localhost:4566',
      );
      assert.equal(cliCommandFor({ profile: 'my team', userName: '' }), "aws iam list-access-keys --profile 'my team'");
      assert.equal(
        cliCommandFor({ userName: 'bob', startingToken: PY_TOKENS[1]!.token }),
        // base64's + / = are all shell-safe
        `aws iam list-access-keys --user-name bob --starting-token ${PY_TOKENS[1]!.token}`,
      );
    });
  });
});
