// cachedCredentials (src/aws/organization/cachedCredentials.ts) with a fake clock: one fetch shared by
// concurrent uses, kept until 5 minutes before expiry, fetched again after; failures not kept.
import * as assert from 'node:assert/strict';
import { cachedCredentials } from '../../src/aws/organization/cachedCredentials';

describe('cachedCredentials', () => {
  it('shares one fetch, reuses it until shortly before expiry, then fetches again', async () => {
    let now = 1_000_000;
    let n = 0;
    const cached = cachedCredentials(() => {
      n++;
      return Promise.resolve({ accessKeyId: `ASIA${n}`, secretAccessKey: 's', expiration: new Date(now + 3_600_000) });
    }, () => now);
    const [a, b] = await Promise.all([cached.provider(), cached.provider()]);
    assert.equal(a, b);
    assert.equal(cached.fetches(), 1);
    // 5 minutes written out, not the product's constant: an oracle that moves with the code catches
    // nothing (issue #27: `5 * 60_000` → `5 / 60_000` survived the sampled run).
    now += 3_600_000 - 300_000 - 1;
    assert.equal((await cached.provider()).accessKeyId, 'ASIA1');
    now += 2;
    assert.equal((await cached.provider()).accessKeyId, 'ASIA2');
    assert.equal(cached.fetches(), 2);
  });

  it('does not keep a failure: the next use asks again', async () => {
    let fail = true;
    const cached = cachedCredentials(() => (fail ? Promise.reject(new Error('AccessDenied')) : Promise.resolve({ accessKeyId: 'ASIAOK', secretAccessKey: 's' })));
    await assert.rejects(cached.provider(), /AccessDenied/);
    fail = false;
    assert.equal((await cached.provider()).accessKeyId, 'ASIAOK');
    assert.equal(cached.fetches(), 2);
  });

  it('a fetch overtaken by forget() is not kept, whether it succeeds or fails late: the newer fetch answers', async () => {
    const answers: Array<{ resolve: (c: { accessKeyId: string; secretAccessKey: string }) => void; reject: (e: Error) => void }> = [];
    const cached = cachedCredentials(() => new Promise((resolve, reject) => answers.push({ resolve, reject })));
    const overtaken = cached.provider();
    cached.forget(); // the settings changed while AssumeRole was under way
    const newer = cached.provider();
    answers[0]!.resolve({ accessKeyId: 'ASIAOLD', secretAccessKey: 's' });
    assert.equal((await overtaken).accessKeyId, 'ASIAOLD');
    const third = cached.provider();
    answers[1]!.resolve({ accessKeyId: 'ASIANEW', secretAccessKey: 's' });
    assert.equal((await third).accessKeyId, 'ASIANEW');
    assert.equal((await newer).accessKeyId, 'ASIANEW');
    assert.equal(cached.fetches(), 2);

    cached.forget();
    const failing = cached.provider();
    cached.forget();
    const replacing = cached.provider();
    answers[2]!.reject(new Error('ExpiredToken'));
    await assert.rejects(failing, /ExpiredToken/);
    assert.equal(cached.provider(), replacing, 'a use after the late failure joins the newer fetch');
    answers[3]!.resolve({ accessKeyId: 'ASIALAST', secretAccessKey: 's' });
    assert.equal((await replacing).accessKeyId, 'ASIALAST');
    assert.equal(cached.fetches(), 4);
  });
});
