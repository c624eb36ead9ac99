// OrgTraversal (src/aws/organization/orgTraversal.ts): an entry that a reset overtook must not
// clear the newer entry of the same account when its answer comes late; a third caller joins the
// newer entry instead of assuming the role again. Issue #27: a survivor of the sampled src/aws run
// (the in-flight check in `finally` → `true`).
import * as assert from 'node:assert/strict';
import { OrgTraversal, type OrgAccountInfo } from '../../src/aws/organization/orgTraversal';

describe('OrgTraversal: an entry overtaken by a reset', () => {
  it('answering late leaves the newer entry in flight: a third enter joins it, no third AssumeRole', async () => {
    const account: OrgAccountInfo = { id: '111111111111', name: 'dev', status: 'ACTIVE' };
    const answers: Array<(session: string) => void> = [];
    const traversal = new OrgTraversal<OrgAccountInfo, string>(
      async () => ({ items: [account] }),
      () => new Promise<string>((resolve) => answers.push(resolve)),
    );
    const overtaken = traversal.enter(account);
    traversal.reset();
    const newer = traversal.enter(account);
    assert.equal(answers.length, 2, 'the reset dropped the first entry, so the account is entered again');
    answers[0]('session-before-reset');
    assert.deepEqual(await overtaken, { kind: 'stale' });
    const third = traversal.enter(account);
    assert.equal(answers.length, 2, 'the third caller joined the entry in flight');
    assert.equal(third, newer);
    answers[1]('session-after-reset');
    assert.deepEqual(await third, { kind: 'entered', session: 'session-after-reset' });
  });
});
