// A member account's session (src/aws/organization/accountSource.ts) reports its attempts as a
// profile's session does (#27): each call goes to the log with the session's id and how long it
// took, a failed one with its kind, and a throttled answer tells the session's throttle
// listeners (the tree's "retrying" state). Real SDK over HTTP to the organization endpoint.
import * as assert from 'node:assert/strict';
import type { OrganizationSource } from '../../src/aws/organization/organizationSource';
import { memberAccountId, type OrgEmulator } from '../emulator/org/index';
import { startOrgSource, type OrgSourceFixture } from '../support/orgSourceFixture';

describe('organization member sessions report their attempts (#27)', function () {
  this.timeout(30_000);
  let emulator: OrgEmulator;
  let org: OrganizationSource;
  let fixture: OrgSourceFixture;
  const lines: string[] = [];

  beforeEach(async () => {
    lines.length = 0;
    fixture = await startOrgSource(
      { members: 2, usersPerAccount: 3, seed: 3 },
      { maxAttempts: 1, log: { debug: (m) => lines.push(`debug ${m}`), trace: (m) => lines.push(`trace ${m}`) } },
    );
    ({ emulator, org } = fixture);
  });
  afterEach(() => fixture.close());

  it('a member session logs each call under its id; a throttled one is logged with its kind and tells the throttle listeners', async () => {
    const id = memberAccountId(1);
    await org.traversal.accounts.loadAll();
    const account = org.traversal.accounts.loaded.find((a) => a.id === id);
    assert.ok(account);
    const entered = await org.traversal.enter(account);
    assert.ok(entered.kind === 'entered');
    const session = entered.session;
    let throttled = 0;
    session.onThrottled(() => throttled++);

    const users = await session.api.listAllUsers({ pageSize: 100 });
    assert.equal(users.length, emulator.world.account(id)?.store.users().length);
    const own = (line: string): boolean => line.includes(`org/mgmt/${id} `);
    assert.deepEqual(lines.filter(own).map((l) => l.replace(/\d+ ms/, 'N ms')), [`trace org/mgmt/${id} ListUsersCommand N ms`]);
    assert.equal(throttled, 0);
    const ms = Number(/ (\d+) ms$/.exec(lines.find(own) ?? '')?.[1]);
    assert.ok(ms >= 0 && ms < 60_000, `the call's duration, ${ms} ms, is how long it took`);

    lines.length = 0;
    emulator.setThrottle({ rateByFamily: { iam: 1 } });
    await assert.rejects(session.api.listAllUsers({ pageSize: 100 }), { name: 'Throttling' });
    assert.deepEqual(lines.filter(own).map((l) => l.replace(/\d+ ms/, 'N ms')), [`debug org/mgmt/${id} ListUsersCommand failed after N ms: throttled Throttling (host 127.0.0.1:${emulator.port})`]);
    assert.equal(throttled, 1);
  });
});
