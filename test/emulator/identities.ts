// Built-in callers every emulator store contains, with FAKE test credentials.
// These secrets are not real AWS secrets: they only sign requests to the local
// emulator, so tests, benchmarks and the demo may print and write them freely.

export const EMULATOR_ACCOUNT_ID = '123456789012';

export interface TestCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Only for temporary (ASIA) credentials, sent as X-Amz-Security-Token. */
  readonly sessionToken?: string;
}

export interface BuiltInIdentity {
  /** Profile name used by {@link credentialsFileText}. */
  readonly profile: string;
  /** IAM user name; undefined for the account root. */
  readonly userName?: string;
  readonly arn: string;
  readonly credentials: TestCredentials;
}

/** An administrator IAM user: may call every emulated action. */
export const CALLER_USER_NAME = 'demo-admin';
export const CALLER_CREDENTIALS: TestCredentials = {
  accessKeyId: 'AKIAEMULATORADMINKEY',
  secretAccessKey: 'TESTONLY/emulator/admin/notARealSecret00',
};

/** The account root ("root user"): not an IAM user, so IAM answers without a UserName. */
export const ROOT_CREDENTIALS: TestCredentials = {
  accessKeyId: 'AKIAEMULATORROOTKEY2',
  secretAccessKey: 'TESTONLY/emulator/root/notARealSecret000',
};

/** An IAM user whose iam:ListUsers calls are denied (AccessDenied), for permission tests. */
export const LIMITED_USER_NAME = 'limited-auditor';
export const LIMITED_DENIED_ACTIONS: readonly string[] = ['ListUsers'];
export const LIMITED_CREDENTIALS: TestCredentials = {
  accessKeyId: 'AKIAEMULATORLIMITED2',
  secretAccessKey: 'TESTONLY/emulator/limited/notARealSecret',
};

/** Temporary credentials (as from sts:GetSessionToken) of the caller user. */
export const SESSION_CREDENTIALS: TestCredentials = {
  accessKeyId: 'ASIAEMULATORSESSION2',
  secretAccessKey: 'TESTONLY/emulator/session/notARealSecret',
  sessionToken: 'TESTONLY-emulator-session-token-for-demo-admin',
};

export interface BuiltInIdentities {
  readonly caller: BuiltInIdentity;
  readonly root: BuiltInIdentity;
  readonly limited: BuiltInIdentity;
  readonly session: BuiltInIdentity;
}

export const BUILT_IN_IDENTITIES: BuiltInIdentities = {
  caller: {
    profile: 'iam-emulator-admin',
    userName: CALLER_USER_NAME,
    arn: `arn:aws:iam::${EMULATOR_ACCOUNT_ID}:user/${CALLER_USER_NAME}`,
    credentials: CALLER_CREDENTIALS,
  },
  root: {
    profile: 'iam-emulator-root',
    arn: `arn:aws:iam::${EMULATOR_ACCOUNT_ID}:root`,
    credentials: ROOT_CREDENTIALS,
  },
  limited: {
    profile: 'iam-emulator-limited',
    userName: LIMITED_USER_NAME,
    arn: `arn:aws:iam::${EMULATOR_ACCOUNT_ID}:user/${LIMITED_USER_NAME}`,
    credentials: LIMITED_CREDENTIALS,
  },
  session: {
    profile: 'iam-emulator-session',
    userName: CALLER_USER_NAME,
    arn: `arn:aws:iam::${EMULATOR_ACCOUNT_ID}:user/${CALLER_USER_NAME}`,
    credentials: SESSION_CREDENTIALS,
  },
};

/** Text of an AWS shared credentials file with one profile per built-in identity. */
export function credentialsFileText(identities: BuiltInIdentities = BUILT_IN_IDENTITIES): string {
  return Object.values(identities)
    .map((identity: BuiltInIdentity) => {
      const lines = [
        `[${identity.profile}]`,
        `aws_access_key_id = ${identity.credentials.accessKeyId}`,
        `aws_secret_access_key = ${identity.credentials.secretAccessKey}`,
      ];
      if (identity.credentials.sessionToken) lines.push(`aws_session_token = ${identity.credentials.sessionToken}`);
      return lines.join('\n') + '\n';
    })
    .join('\n');
}
