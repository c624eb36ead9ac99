// cliJson edges the first tests left open: years outside 1000–9999, the messages a user reads for
// a bad NextToken or an unwritable value, zero truncate amounts, Maps and bigints in
// pythonJsonDumps, and the other operations of Copy as AWS CLI Command.
// Expected tokens and texts were produced with CPython 3 (json.dumps, base64.b64encode).
import assert from 'node:assert/strict';
import {
  cliLine,
  decodeCliNextToken,
  encodeCliNextToken,
  formatCliTimestamp,
  pythonJsonDumps,
} from '../../src/core/cliJson';
import { thrownMessage } from '../support/thrownMessage';


describe('cliJson sweep', () => {
  describe('formatCliTimestamp: years outside 1000–9999', () => {
    it('pads year 0 to four digits, writes a negative year and a five-digit year as they are', () => {
      assert.equal(formatCliTimestamp(new Date('0000-03-04T05:06:07Z')), '0000-03-04T05:06:07Z');
      assert.equal(formatCliTimestamp(new Date('-000001-03-04T05:06:07Z')), '-1-03-04T05:06:07Z');
      assert.equal(formatCliTimestamp(new Date('+012345-03-04T05:06:07Z'), 'iso8601'), '12345-03-04T05:06:07+00:00');
    });

    it('says the date is invalid', () => {
      assert.throws(() => formatCliTimestamp(new Date('not a date')), { name: 'RangeError', message: 'Invalid date' });
    });
  });

  describe('pythonJsonDumps: values beyond plain JSON', () => {
    it('writes a Map as an object with string keys, in insertion order', () => {
      assert.equal(pythonJsonDumps(new Map<unknown, unknown>([['a', 1], [2, 'b']])), '{"a": 1, "2": "b"}');
    });

    it('writes a bigint as the whole number, past the safe-integer range', () => {
      assert.equal(pythonJsonDumps([12345678901234567890123n]), '[12345678901234567890123]');
    });

    it('writes an undefined array item as null', () => {
      assert.equal(pythonJsonDumps([1, undefined]), '[1, null]');
    });

    it('refuses a function with Python’s message', () => {
      assert.throws(() => pythonJsonDumps({ f: () => 1 }), { name: 'TypeError', message: 'Object of type function is not JSON serializable' });
    });
  });

  describe('NextToken edges', () => {
    it('encodes a truncate amount of 0 (a page cut before its first item)', () => {
      assert.equal(encodeCliNextToken({ marker: 'm', truncateAmount: 0 }), 'eyJNYXJrZXIiOiAibSIsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDB9');
      assert.equal(encodeCliNextToken({ truncateAmount: 0 }), 'eyJNYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAwfQ==');
    });

    it('decodes a truncate amount of 0', () => {
      assert.deepEqual(decodeCliNextToken('eyJNYXJrZXIiOiAibSIsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDB9'), { marker: 'm', truncateAmount: 0 });
    });

    it('names the bad truncate amount in its message', () => {
      assert.throws(() => encodeCliNextToken({ marker: 'a', truncateAmount: -3 }), {
        name: 'RangeError',
        message: 'truncateAmount must be a whole number ≥ 0, not -3',
      });
    });

    it('says a non-string is not a NextToken', () => {
      assert.throws(() => decodeCliNextToken(42 as unknown as string), { name: 'TypeError', message: 'NextToken must be a string' });
    });

    it('shows a bad token whole up to 40 characters, and its first 37 and "…" beyond', () => {
      assert.equal(thrownMessage(() => decodeCliNextToken('ab!')), 'Invalid NextToken "ab!": it is not base64');
      const forty = '!'.repeat(40);
      assert.equal(thrownMessage(() => decodeCliNextToken(forty)), `Invalid NextToken "${forty}": it is not base64`);
      assert.equal(thrownMessage(() => decodeCliNextToken('!'.repeat(41))), `Invalid NextToken "${'!'.repeat(37)}…": it is not base64`);
    });

    it('refuses a good token with junk before or after it (base64 decoders skip such characters)', () => {
      const good = 'eyJNYXJrZXIiOiAiYWJjIn0='; // {"Marker": "abc"}
      assert.deepEqual(decodeCliNextToken(good), { marker: 'abc' });
      assert.match(thrownMessage(() => decodeCliNextToken(`!!!!${good}`)), /: it is not base64$/);
      assert.match(thrownMessage(() => decodeCliNextToken(`${good.slice(0, -1)}!!!!=`)), /: it is not base64$/);
    });

    it('refuses a token holding a JSON number', () => {
      assert.equal(thrownMessage(() => decodeCliNextToken('NDI=')), 'Invalid NextToken "NDI=": it does not hold a JSON object');
    });
  });

  describe('cliLine: each operation writes only its own options', () => {
    const all = {
      userName: 'bob',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      status: 'Inactive',
      startingToken: 'eyJNYXJrZXIiOiAiYWJjIn0=',
      profile: 'dev',
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:4566',
    } as const;

    it('lists access keys when no operation is named', () => {
      assert.equal(cliLine({ userName: 'bob' }), 'aws iam list-access-keys --user-name bob');
    });

    it('get-access-key-last-used takes only the key ID', () => {
      assert.equal(
        cliLine({ ...all, operation: 'get-access-key-last-used' }),
        'aws iam get-access-key-last-used --access-key-id AKIAIOSFODNN7EXAMPLE --profile dev --region eu-west-1 --endpoint-url http://127.0.0.1:4566',
      );
    });

    it('update-access-key takes the user, the key ID and the status, not a starting token', () => {
      assert.equal(
        cliLine({ ...all, operation: 'update-access-key' }),
        'aws iam update-access-key --user-name bob --access-key-id AKIAIOSFODNN7EXAMPLE --status Inactive --profile dev --region eu-west-1 --endpoint-url http://127.0.0.1:4566',
      );
    });
  });
});
