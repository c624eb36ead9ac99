// Organization-wide export and attention (src/aws/organization/orgWide*.ts) where a sampled
// Stryker run found behaviour no test checked (#27): progress counts over every account (each
// pass of attention), a walk cancelled before it starts asks nothing, attention cancelled while
// reading says it is partial, and root's flagged key costs no key listing (ListAccessKeys cannot
// list root's keys), and a user's failure that comes back as the export is cancelled is no
// failed user. Real SDK over HTTP to the organization endpoint.
import * as assert from 'node:assert/strict';
import type { RequestSender } from '../../src/aws/connection';
import { readCsv } from '../../src/aws/csvReader';
import type { OrganizationSource } from '../../src/aws/organization/organizationSource';
import { findOrganizationKeysNeedingAttention } from '../../src/aws/organization/orgWideAttention';
import { exportOrganizationKeys } from '../../src/aws/organization/orgWideExport';
import type { OrgWideOptions } from '../../src/aws/organization/orgWideWalk';
import { EMULATOR_ACCOUNT_ID } from '../emulator/identities';
import { apiErrors } from '../emulator/protocol/errors';
import { memberAccountId, type OrgEmulator } from '../emulator/org/index';
import { HttpSender } from '../support/httpSender';
import { abortOnKeyListing, orgSourceAt, startOrgSource, type OrgSourceFixture } from '../support/orgSourceFixture';

/** Sends over HTTP; cancels the walk once a 404 answer has arrived, before the SDK reads it. */
class CancelAfterNotFound extends HttpSender {
  constructor(private readonly controller: AbortController) {
    super();
  }
  override handle: RequestSender['handle'] = async (request, options) => {
    const answer = await this.send(request, options);
    if (answer.response.statusCode === 404) this.controller.abort();
    return answer;
  };
}

describe('organization-wide walks: progress, an early cancel, root’s key (#27)', function () {
  this.timeout(60_000);
  let emulator: OrgEmulator;
  let org: OrganizationSource;
  let fixture: OrgSourceFixture;
  const options = (): OrgWideOptions => ({ concurrency: 2, perAccountConcurrency: 1, thresholds: { now: new Date(), rotationWarningDays: 90, unusedWarningDays: 45 } });

  beforeEach(async () => {
    // The management account and 4 members, all trusting; the last one suspended (skipped).
    fixture = await startOrgSource({ members: 4, usersPerAccount: 3, seed: 9, suspendedMembers: [3] });
    ({ emulator, org } = fixture);
  });
  afterEach(() => fixture.close());
  const source = () => fixture.source();

  it('progress counts the 4 active accounts; attention counts them once per pass', async () => {
    const exported: string[] = [];
    await exportOrganizationKeys([source()], { ...options(), onProgress: (done, total) => exported.push(`${done}/${total}`) });
    assert.deepEqual(exported, ['1/4', '2/4', '3/4', '4/4']);
    const attention: string[] = [];
    await findOrganizationKeysNeedingAttention([source()], { ...options(), readCsv, onProgress: (done, total) => attention.push(`${done}/${total}`) });
    assert.deepEqual(attention, ['1/8', '2/8', '3/8', '4/8', '5/8', '6/8', '7/8', '8/8']);
  });

  it('a walk cancelled before it starts asks nothing, reports no account, and is cancelled, not short of accounts', async () => {
    await org.traversal.accounts.loadAll(); // the tree listed the accounts
    emulator.resetCounters();
    const controller = new AbortController();
    controller.abort();
    const result = await exportOrganizationKeys([source()], { ...options(), signal: controller.signal });
    assert.deepEqual([result.cancelled, result.partial, result.listingError, result.accounts], [true, true, undefined, 0]);
    assert.deepEqual([result.failedAccounts, result.skippedAccounts], [[], []]);
    assert.equal(emulator.counters().total, 0);
  });

  it('attention cancelled while the reports are read says the result is partial', async () => {
    const controller = new AbortController();
    // The report path lists the keys of flagged users: the endpoint cancels at the first such listing.
    abortOnKeyListing(emulator, controller);
    const result = await findOrganizationKeysNeedingAttention([source()], { ...options(), readCsv, signal: controller.signal });
    assert.equal(controller.signal.aborted, true, 'a flagged user’s keys were listed');
    assert.deepEqual([result.cancelled, result.partial], [true, true]);
  });

  it('root’s flagged key is shown without a key listing: one ListAccessKeys per flagged user', async () => {
    const result = await findOrganizationKeysNeedingAttention([source()], { ...options(), readCsv });
    const management = result.keys.filter((k) => k.account === EMULATOR_ACCOUNT_ID);
    assert.ok(management.some((k) => k.userName === ''), 'root’s key is flagged');
    const flaggedUsers = new Set(management.filter((k) => k.userName !== '').map((k) => k.userName));
    assert.equal(emulator.counters().byAccount[EMULATOR_ACCOUNT_ID]?.ListAccessKeys ?? 0, flaggedUsers.size);
  });

  it('a user’s failure that comes back as the export is cancelled is no failed user', async () => {
    const controller = new AbortController();
    const warnings: string[] = [];
    const cancelling = orgSourceAt(emulator.url, { maxAttempts: 1, hooks: { requestHandler: () => new CancelAfterNotFound(controller) } });
    try {
      const member = emulator.world.account(memberAccountId(1));
      const gone = member?.store.users()[0];
      assert.ok(member && gone);
      const keysOf = member.store.keysOf.bind(member.store);
      member.store.keysOf = (owner) => {
        if (owner.kind === 'user' && owner.user.userName === gone.userName) throw apiErrors.noSuchUser(gone.userName);
        return keysOf(owner);
      };
      const result = await exportOrganizationKeys([{ id: 'org/mgmt', traversal: cancelling.traversal }], {
        ...options(),
        concurrency: 1,
        signal: controller.signal,
        log: { warn: (message) => warnings.push(message), debug: () => undefined },
      });
      assert.equal(controller.signal.aborted, true, 'the user’s listing failed');
      assert.deepEqual([result.cancelled, result.failedUsers], [true, 0]);
      assert.deepEqual(warnings.filter((w) => w.startsWith('export: keys of')), []);
    } finally {
      cancelling.dispose();
    }
  });
});
