// What `npm start` sets up, apart from starting things: its arguments and the settings the
// window opens with. A plain demo points at the IAM emulator with profiles demo (+ demo-limited);
// `--organization` points at the organization emulator (a management account and its members)
// with iamKeys.organizations set, so the Organization row and Find Keys Needing Attention work.

export const USAGE = 'usage: node scripts/start.mjs [--port N] [--screenshot FILE] [--organization]';

export function parseStartArgs(argv, resolvePath = (p) => p) {
  const opts = { port: undefined, screenshot: undefined, organization: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--port') opts.port = Number(value());
    else if (flag === '--screenshot') opts.screenshot = resolvePath(value() ?? '');
    else if (flag === '--organization') opts.organization = true;
    else if (flag === '--help' || flag === '-h') opts.help = true;
    else throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
  }
  if (opts.port !== undefined && !(Number.isInteger(opts.port) && opts.port > 0 && opts.port < 65536)) {
    throw new Error('--port needs a port number');
  }
  return opts;
}

/**
 * The window's settings: `url` of the emulator that runs, `profileNames` written to the AWS
 * files (demo first), and for an organization demo the member role's name.
 */
export function demoSettings({ url, profileNames, organizationRole }) {
  if (organizationRole) {
    return {
      'iamKeys.endpoint': url,
      'iamKeys.profile': 'demo',
      'iamKeys.profiles': [],
      'iamKeys.organizations': [{ profile: 'demo', roleName: organizationRole }],
    };
  }
  return {
    'iamKeys.endpoint': url,
    'iamKeys.profile': 'demo',
    'iamKeys.profiles': profileNames.includes('demo-limited') ? ['demo-limited'] : [],
  };
}

/** The organization emulator's size for the demo: a few member accounts with some users each. */
export const ORGANIZATION_DEMO = { members: 4, usersPerAccount: 5, latencyMs: 0, seed: 25 };
