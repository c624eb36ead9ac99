// Redaction at the edges the whole-file sweep (#27) found unpinned: which runs on two lines are
// joined into one secret, how an Authorization value keeps its scheme and blanks, quoted flag
// values, legacy Vault tokens, and where redactObject cuts Maps, Sets, arrays and error causes,
// what it makes of null-prototype objects, anonymous functions and throwing getters.
// Expected values are written by hand.
import assert from 'node:assert/strict';
import { parse as parseQuery } from 'node:querystring';
import { redactedErrorMessage, redactObject, redactSecrets } from '../../src/core/redact';

/** Two halves of a 40-character mixed-case secret key. */
const HALF1 = 'AbcdefghijKLMNOPQRST';
const HALF2 = 'uvwxyzABCDEFGHIJ0123';

type Kind = 'object' | 'array' | 'map' | 'set' | 'cause';

/** `levels` containers of one kind, each holding the next, the innermost holding "bottom". */
function nest(kind: Kind, levels: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < levels; i++) {
    if (kind === 'object') v = { next: v };
    else if (kind === 'array') v = [v];
    else if (kind === 'map') v = new Map([['next', v]]);
    else if (kind === 'set') v = new Set([v]);
    else v = new Error(`level ${levels - i}`, { cause: v });
  }
  return v;
}

/** How many containers the copy keeps before its innermost value, and that value. */
function depthAndBottom(kind: Kind, out: unknown): [number, unknown] {
  let n = 0;
  for (;;) {
    let inner: unknown;
    if (kind === 'object' && typeof out === 'object' && out !== null) inner = (out as { next: unknown }).next;
    else if (kind === 'array' && Array.isArray(out)) inner = out[0];
    else if (kind === 'map' && out instanceof Map) inner = out.get('next');
    else if (kind === 'set' && out instanceof Set) inner = [...out][0];
    else if (kind === 'cause' && typeof out === 'object' && out !== null) inner = (out as { cause: unknown }).cause;
    else return [n, out];
    n++;
    out = inner;
  }
}

describe('core/redact sweep: redactSecrets', () => {
  it('joins the halves of a secret split over two lines only across a line break and blanks', () => {
    assert.equal(redactSecrets(`${HALF1}\n    ${HALF2}`), '[REDACTED]');
    // Punctuation before the break, or a bullet after it: two words of a list, not one secret.
    assert.equal(redactSecrets(`id ${HALF1}.\n${HALF2} done`), `id ${HALF1}.\n${HALF2} done`);
    assert.equal(redactSecrets(`- ${HALF1}\n- ${HALF2}`), `- ${HALF1}\n- ${HALF2}`);
  });

  it('joins halves at most 64 characters apart (a line break and 63 blanks of indent)', () => {
    assert.equal(redactSecrets(`${HALF1}\n${' '.repeat(63)}${HALF2}`), '[REDACTED]');
    const farther = `${HALF1}\n${' '.repeat(64)}${HALF2}`;
    assert.equal(redactSecrets(farther), farther);
  });

  it('redacts every session token of a text by its prefix, not only the first', () => {
    assert.equal(redactSecrets('first IQoJb3JpZ2luX2VjEabc123 then FwoGZXIvYXdzEdef456 end'), 'first [REDACTED] then [REDACTED] end');
  });

  it('the user info of a URL whose scheme is one letter', () => {
    assert.equal(redactSecrets('remote s://deploy:hunter2@host/repo'), 'remote s://[REDACTED]@host/repo');
  });

  it('a flag is a pagination token only when its name ends so', () => {
    assert.equal(redactSecrets('tool --next-token-secret hunter2value'), 'tool --next-token-secret [REDACTED]');
    assert.equal(redactSecrets('tool --next-token abc123'), 'tool --next-token abc123');
  });

  it('keeps the quotes of a single-quoted flag value', () => {
    assert.equal(redactSecrets("helper --password 'hunter2 x' --json"), "helper --password '[REDACTED]' --json");
  });

  it('Authorization: keeps the scheme and the blanks around the credential', () => {
    assert.equal(redactSecrets('Authorization: Bearer abc123token   \nnext'), 'Authorization: Bearer [REDACTED]   \nnext');
    assert.equal(redactSecrets('Authorization: Bearer  abc123token'), 'Authorization: Bearer  [REDACTED]');
    // A token that only holds "AWS4-" is no SigV4 header.
    assert.equal(redactSecrets('Authorization: Bearer eyJhbGciOi.AWS4-part.sig'), 'Authorization: Bearer [REDACTED]');
    // A quoted value that starts with a blank goes whole.
    assert.equal(redactSecrets('authorization: " Bearer abc"'), 'authorization: "[REDACTED]"');
  });

  it('a legacy Vault token needs lower-case letters as well as capitals', () => {
    assert.equal(redactSecrets('token s.AbcdefghijKLMNOPQRSTuvwx'), 'token [REDACTED]');
    for (const kept of ['id s.ABCDEFGHIJKLMNOPQRSTUVWX', 'id s.ABCDEFGHIJ0123456789KLMN']) assert.equal(redactSecrets(kept), kept);
  });

  it('redactedErrorMessage gives "" for an error whose message is not text', () => {
    assert.equal(redactedErrorMessage(Object.assign(new Error('x'), { message: { code: 1 } })), '');
  });
});

describe('core/redact sweep: redactObject', () => {
  it('redacts passwd and private_key / private-key properties', () => {
    assert.deepEqual(redactObject({ passwd: 'hunter2', private_key: 'pem', 'private-key': 'pem', user: 'bob' }), {
      passwd: '[REDACTED]',
      private_key: '[REDACTED]',
      'private-key': '[REDACTED]',
      user: 'bob',
    });
  });

  it('copies a null-prototype object (querystring.parse) as a plain object', () => {
    assert.deepEqual(redactObject(parseQuery('user=bob&password=hunter2')), { user: 'bob', password: '[REDACTED]' });
  });

  it('names an instance whose prototype has no constructor "[object]"', () => {
    assert.equal(redactObject(Object.create(Object.create(null) as object)), '[object]');
  });

  it('names an anonymous function "[Function]"', () => {
    assert.deepEqual(redactObject([() => 1]), ['[Function]']);
  });

  it('a Map with a symbol key keeps it and still redacts the value', () => {
    const key = Symbol('k');
    assert.deepEqual(redactObject(new Map<unknown, unknown>([[key, 'password=hunter2'], [7, 'ok']])), new Map<unknown, unknown>([[key, 'password=[REDACTED]'], [7, 'ok']]));
  });

  it('a property whose getter throws reads "[unreadable]"', () => {
    const hostile = {
      get boom(): string {
        throw new Error('no');
      },
      ok: 1,
    };
    assert.deepEqual(redactObject(hostile), { boom: '[unreadable]', ok: 1 });
  });

  it('an error without a stack or a cause gets neither property', () => {
    const err = new Error('password=hunter2');
    err.stack = undefined;
    assert.deepEqual(redactObject(err), { name: 'Error', message: 'password=[REDACTED]' });
  });

  it('an error\'s native cause is copied and redacted', () => {
    const err = new Error('outer', { cause: new Error('inner password=hunter2') });
    const out = redactObject(err) as { cause: { message: string } };
    assert.equal(out.cause.message, 'inner password=[REDACTED]');
  });

  it('an error whose cause getter throws is copied with cause "[unreadable]", not thrown from', () => {
    // Found by the sweep: redactObject (the logger's) threw when it read such a cause.
    const err = Object.defineProperty(new Error('outer'), 'cause', {
      get(): never {
        throw new Error('no');
      },
    });
    err.stack = undefined;
    assert.deepEqual(redactObject(err), { name: 'Error', message: 'outer', cause: '[unreadable]' });
  });

  it('only an error gets its hidden cause copied; a plain object keeps its enumerable properties', () => {
    assert.deepEqual(redactObject(Object.defineProperty({ a: 1 }, 'cause', { value: 'hidden' })), { a: 1 });
  });

  for (const kind of ['object', 'array', 'map', 'set', 'cause'] as const) {
    it(`keeps 12 levels of nested ${kind}s and cuts the 13th`, () => {
      assert.deepEqual(depthAndBottom(kind, redactObject(nest(kind, 12))), [12, 'bottom']);
      assert.deepEqual(depthAndBottom(kind, redactObject(nest(kind, 13))), [12, '[…]']);
    });
  }

  it('keeps an array of exactly 500 items whole', () => {
    const out = redactObject(Array.from({ length: 500 }, (_, i) => i)) as unknown[];
    assert.equal(out.length, 500);
    assert.equal(out[499], 499);
  });

  it('keeps the first 500 entries of a Map or a Set', () => {
    const entries = Array.from({ length: 502 }, (_, i) => i);
    const map = redactObject(new Map(entries.map((i) => [`k${i}`, i]))) as Map<string, number>;
    assert.equal(map.size, 500);
    assert.equal(map.get('k499'), 499);
    assert.equal(map.has('k500'), false);
    const set = redactObject(new Set(entries)) as Set<number>;
    assert.equal(set.size, 500);
    assert.equal(set.has(499), true);
    assert.equal(set.has(500), false);
    assert.equal((redactObject(new Map(entries.slice(0, 500).map((i) => [`k${i}`, i]))) as Map<string, number>).size, 500);
  });
});
