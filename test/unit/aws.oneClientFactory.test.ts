// Every SDK client and every credential provider comes from src/aws/sdk/clientFactory.ts. Two
// places that built clients drifted once (organization mode sent AssumeRole, signed with a
// long-term key, to AWS_ENDPOINT_URL_STS); this reads every file under src/ so the next
// service or provider can't be wired up beside the factory.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const SRC = path.join(ROOT, 'src');
const FACTORY = 'src/aws/sdk/clientFactory.ts';

/** The credential providers the SDK packages export, read from the packages themselves. */
function providerNames(): string[] {
  const names = new Set<string>();
  for (const pkg of ['@aws-sdk/credential-providers', '@aws-sdk/token-providers', '@aws-sdk/credential-provider-node', '@aws-sdk/credential-provider-ini']) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the list is the package's own exports
    for (const name of Object.keys(require(pkg) as object)) if (/^(from[A-Z]|defaultProvider$|nodeProvider$|createCredentialChain$)/.test(name)) names.add(name);
  }
  for (const name of ['getDefaultRoleAssumer', 'getDefaultRoleAssumerWithWebIdentity', 'decorateDefaultCredentialProvider']) names.add(name);
  return [...names];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

/** What a file does that only the factory may do, one line each. */
export function factoryOnlyUses(text: string, providers: readonly string[]): string[] {
  const found: string[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  for (const m of code.matchAll(/\bnew\s+(?:[\w$]+\s*\.\s*)*([A-Za-z_$][\w$]*(?:Client|HttpHandler|Http2Handler))\s*\(/g)) found.push(`constructs ${m[1]}`);
  const calls = new RegExp(`\\b(${providers.join('|')})\\s*\\(`, 'g');
  for (const m of code.matchAll(calls)) found.push(`calls ${m[1]}`);
  const sdkImport = /import\s+(type\s+)?([^;]*?)\s+from\s+['"](@aws-sdk\/[^'"]+|@smithy\/node-http-handler)['"]/g;
  for (const m of code.matchAll(sdkImport)) {
    if (m[1]) continue;
    const moduleName = m[3];
    if (/^@aws-sdk\/(credential-provider|token-providers|nested-clients)/.test(moduleName)) found.push(`imports ${moduleName}`);
    const names = /\{([^}]*)\}/.exec(m[2])?.[1].split(',') ?? [];
    for (const raw of names) {
      const parts = raw.trim().split(/\s+as\s+/);
      if (parts[0].startsWith('type ')) continue;
      if (/(Client|HttpHandler)$/.test(parts[0])) found.push(`imports ${parts[0]} from ${moduleName}`);
    }
  }
  for (const m of code.matchAll(/require\(\s*['"](@aws-sdk\/(?:client-|credential-provider|token-providers|nested-clients)[^'"]*)['"]\s*\)/g)) found.push(`requires ${m[1]}`);
  return found;
}

describe('aws: one client factory', () => {
  const providers = providerNames();

  it('no file under src/ but the factory constructs an SDK client or HTTP handler, or calls a credential provider', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      if (rel === FACTORY) continue;
      for (const use of factoryOnlyUses(fs.readFileSync(file, 'utf8'), providers)) offenders.push(`${rel}: ${use}`);
    }
    assert.deepEqual(offenders, [], `only ${FACTORY} may build clients and call providers:\n  ${offenders.join('\n  ')}`);
  });

  it('the factory is loaded only through src/aws/sdk/index.ts (the lazy SDK entry), never from what activation loads', () => {
    const importsOf = (file: string): string[] => {
      const code = fs.readFileSync(file, 'utf8');
      const found: string[] = [];
      for (const m of code.matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/gm)) found.push(path.resolve(path.dirname(file), `${m[1]}.ts`));
      for (const m of code.matchAll(/^export\s+(?!type\b)[^;]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/gm)) found.push(path.resolve(path.dirname(file), `${m[1]}.ts`));
      return found.filter((f) => fs.existsSync(f));
    };
    const reachable = (entry: string): Set<string> => {
      const seen = new Set<string>();
      const queue = [entry];
      while (queue.length > 0) {
        const file = queue.pop() as string;
        if (seen.has(file)) continue;
        seen.add(file);
        queue.push(...importsOf(file));
      }
      return seen;
    };
    const factory = path.join(ROOT, FACTORY);
    assert.ok(reachable(path.join(SRC, 'aws', 'sdk', 'index.ts')).has(factory), 'sdk/index.ts reaches the factory');
    const fromActivation = [...reachable(path.join(SRC, 'extension.ts'))].filter((f) => importsOf(f).includes(factory));
    assert.deepEqual(fromActivation.map((f) => path.relative(ROOT, f)), [], 'activation imports the factory (it must go through sdkLoader and src/aws/sdk/)');
  });

  it('the factory itself is found by the same check (so the check can see what it looks for)', () => {
    const uses = factoryOnlyUses(fs.readFileSync(path.join(ROOT, FACTORY), 'utf8'), providers);
    for (const expected of ['constructs IAMClient', 'constructs STSClient', 'constructs OrganizationsClient', 'constructs SSOClient', 'calls fromIni', 'calls fromNodeProviderChain', 'constructs NodeHttpHandler']) {
      assert.ok(uses.includes(expected), `${expected} in ${uses.join(', ')}`);
    }
  });

  it('catches the ways a client or provider slips in elsewhere', () => {
    const cases: [string, string][] = [
      ["import { SSOOIDCClient as Oidc } from '@aws-sdk/client-sso-oidc';", 'imports SSOOIDCClient from @aws-sdk/client-sso-oidc'],
      ['const c = new EC2Client({ region });', 'constructs EC2Client'],
      ['const c = new sdk.IAMClient({ region });', 'constructs IAMClient'],
      ['const p = fromTemporaryCredentials({ params });', 'calls fromTemporaryCredentials'],
      ['const p = fromSso({ profile });', 'calls fromSso'],
      ["const { fromSSO } = require('@aws-sdk/credential-provider-sso');", 'requires @aws-sdk/credential-provider-sso'],
      ["import { fromProcess } from '@aws-sdk/credential-provider-process';", 'imports @aws-sdk/credential-provider-process'],
    ];
    for (const [text, expected] of cases) assert.ok(factoryOnlyUses(text, providers).includes(expected), `${text} → ${factoryOnlyUses(text, providers).join(', ')}`);
    for (const allowed of [
      "import type { SSOClient } from '@aws-sdk/client-sso';",
      "import { ListAccountsCommand, type SSOClient } from '@aws-sdk/client-sso';",
      '// new IAMClient( in a comment',
      "import { ClientFactory } from './clientFactory';",
    ]) {
      assert.deepEqual(factoryOnlyUses(allowed, providers), [], allowed);
    }
  });
});
