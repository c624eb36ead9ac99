// Redaction at the edges of its name lists and limits: which command-line flags and property
// names count as secret, and where a large object is cut. Pins mutants the sampled Stryker run
// (#27) let through; expected values are written by hand.
import assert from 'node:assert/strict';
import { redactObject, redactSecrets } from '../../src/core/redact';

describe('core/redact edges', () => {
  it('redacts the value of --credential, singular as well as plural', () => {
    assert.equal(redactSecrets('aws login --credential hunter2pass'), 'aws login --credential [REDACTED]');
    assert.equal(redactSecrets('aws login --credentials hunter2pass'), 'aws login --credentials [REDACTED]');
  });

  it('redacts the value of each spelling of the password, API key and private key flags', () => {
    for (const flag of ['--passwd', '--password', '--apikey', '--api-key', '--api_key', '--privatekey', '--private-key']) {
      assert.equal(redactSecrets(`tool ${flag} hunter2pass`), `tool ${flag} [REDACTED]`);
    }
  });

  it('keeps a flag that only starts with "credentials", such as the credentials file path', () => {
    const command = 'aws sts get-caller-identity --credentials-file /home/dev/.aws/other';
    assert.equal(redactSecrets(command), command);
  });

  it('keeps pagination tokens by their exact names and redacts a token that only ends like one', () => {
    assert.deepEqual(redactObject({ NextToken: 'page2', next_token: 'page3', fbPageToken: 'EAABwzLixnjYBAsecretvalue', NextTokenSigningKey: 'k1' }), {
      NextToken: 'page2',
      next_token: 'page3',
      fbPageToken: '[REDACTED]',
      NextTokenSigningKey: '[REDACTED]',
    });
  });

  it('keeps the first 500 properties of an object and says how many more there were', () => {
    const big: Record<string, number> = {};
    for (let i = 0; i < 502; i++) big[`k${i}`] = i;
    const out = redactObject(big) as Record<string, unknown>;
    assert.equal(Object.keys(out).length, 501);
    assert.equal(out.k499, 499);
    assert.equal(out.k500, undefined);
    assert.equal(out['…'], '2 more');
  });

  it('a password holding "%22" or "%27" goes whole; an encoded JSON value still ends at its encoded quote', () => {
    // Found by property.redactTokenForms (seed -241649458): the tail after "%22" was shown.
    assert.equal(redactSecrets('error: login failed\npassword=A%22AAAAAAAAA\nexit status 3'), 'error: login failed\npassword=[REDACTED]\nexit status 3');
    assert.equal(redactSecrets('db_password=abc%27def ok'), 'db_password=[REDACTED] ok');
    assert.equal(
      redactSecrets('https://x/cb?state=%7B%22password%22%3A%22s3cretVALUE%22%2C%22b%22%3A1%7D&x=2'),
      'https://x/cb?state=%7B%22password%22%3A%22[REDACTED]%22%2C%22b%22%3A1%7D&x=2',
    );
    assert.equal(redactSecrets('%7B%22clientSecret%22%3A%22abcdEFGH1234%22%7D'), '%7B%22clientSecret%22%3A%22[REDACTED]%22%7D');
  });
});
