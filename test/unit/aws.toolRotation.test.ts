// The rotate command of a tool that keeps a profile's key (src/aws/toolManagedProfile.ts), as the
// refusal to rotate names it: aws-vault's options that take a value are skipped with their
// value, Granted's --profile is read, any other credential_process names no tool (issue #27).
import * as assert from 'node:assert/strict';
import { toolRotation } from '../../src/aws/toolManagedProfile';

describe('aws/toolManagedProfile: the tool that rotates a profile\'s key', () => {
  it('aws-vault export, by path or as an .exe, is rotated with aws-vault rotate', () => {
    assert.deepEqual(toolRotation('aws-vault export --format=json dev'), { tool: 'aws-vault', command: 'aws-vault rotate dev' });
    assert.deepEqual(toolRotation('/opt/homebrew/bin/aws-vault export dev'), { tool: 'aws-vault', command: 'aws-vault rotate dev' });
    assert.deepEqual(toolRotation('C:\\Tools\\aws-vault.exe export dev'), { tool: 'aws-vault', command: 'aws-vault rotate dev' });
  });

  for (const option of ['--format', '--duration', '-d', '--region', '--mfa-token', '-t', '--backend', '--keychain', '--prompt', '--pass-dir', '--pass-cmd', '--pass-prefix', '--file-dir', '--secret-service-collection']) {
    it(`aws-vault's ${option} takes the next word as its value, not as the profile`, () => {
      assert.deepEqual(toolRotation(`aws-vault export ${option} valueword dev`), { tool: 'aws-vault', command: 'aws-vault rotate dev' });
    });
  }

  it('Granted is rotated with granted credentials rotate, its --profile read', () => {
    assert.deepEqual(toolRotation('granted credential-process --profile dev'), { tool: 'granted', command: 'granted credentials rotate dev' });
    assert.deepEqual(toolRotation('dgranted credential-process --profile=dev'), { tool: 'granted', command: 'granted credentials rotate dev' });
  });

  it('extra blanks around and between the words change nothing', () => {
    assert.deepEqual(toolRotation('  aws-vault   export\tdev  '), { tool: 'aws-vault', command: 'aws-vault rotate dev' });
  });

  it('Granted\'s --profile is found after other options', () => {
    assert.deepEqual(toolRotation('granted credential-process --auto-login --profile dev'), { tool: 'granted', command: 'granted credentials rotate dev' });
  });

  it('any other process, or aws-vault or Granted doing something else, names no tool', () => {
    assert.equal(toolRotation(undefined), undefined);
    assert.equal(toolRotation(''), undefined);
    assert.equal(toolRotation('my-helper get dev'), undefined);
    assert.equal(toolRotation('other-tool export dev'), undefined);
    assert.equal(toolRotation('my-helper credential-process --profile dev'), undefined);
    assert.equal(toolRotation('aws-vault exec dev'), undefined);
    assert.equal(toolRotation('granted sso dev'), undefined);
    assert.equal(toolRotation('granted sso --profile dev'), undefined);
  });

  it('no profile named, or a name that is not plain on a command line, names no command', () => {
    assert.equal(toolRotation('aws-vault export --no-session'), undefined);
    assert.equal(toolRotation('aws-vault export --format json'), undefined);
    assert.equal(toolRotation('aws-vault export dev;rm'), undefined);
    assert.equal(toolRotation('aws-vault export _dev'), undefined);
    assert.equal(toolRotation('granted credential-process'), undefined);
    assert.equal(toolRotation('granted credential-process --profile dev;rm'), undefined);
  });
});
