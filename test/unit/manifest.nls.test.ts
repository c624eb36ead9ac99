// Every user-facing string of package.json's contributes (command titles and categories, view
// names, welcome contents, setting descriptions and pattern messages...) is a %key% whose
// English text is in package.nls.json, so translators see all of them.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

/** Manifest fields VS Code shows to the user (and localizes through package.nls.json). */
const SHOWN = new Set([
  'title', 'shortTitle', 'category', 'description', 'markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions',
  'deprecationMessage', 'markdownDeprecationMessage', 'patternErrorMessage', 'errorMessage', 'name', 'contextualTitle',
  'contents', 'label', 'displayName', 'placeholder', 'altText',
]);
/** Objects whose keys are names chosen by the extension (setting names, view containers), not manifest fields. */
const NAMED_CHILDREN = new Set(['properties', 'views', 'menus', 'viewsContainers']);

interface Shown {
  readonly where: string;
  readonly value: string;
}

/** The user-facing strings under `node`, with where they are. */
export function shownStrings(node: unknown, where: string, field?: string): Shown[] {
  if (typeof node === 'string') return field !== undefined && SHOWN.has(field) ? [{ where, value: node }] : [];
  if (Array.isArray(node)) {
    // An array of strings is shown when its field is (enumDescriptions); otherwise its objects are walked.
    return node.flatMap((item, i) => shownStrings(item, `${where}[${i}]`, typeof item === 'string' ? field : undefined));
  }
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) =>
      shownStrings(value, `${where}.${key}`, field !== undefined && NAMED_CHILDREN.has(field) ? undefined : key),
    );
  }
  return [];
}

function read(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;
}

const KEY = /^%([^%]+)%$/;

describe('manifest strings', () => {
  const manifest = read('package.json');
  const nls = read('package.nls.json');
  const shown = [
    ...shownStrings(manifest.contributes, 'contributes'),
    ...(['displayName', 'description'] as const).map((field) => ({ where: field, value: manifest[field] as string })),
  ];

  it('finds the strings it checks (command titles, view names, setting descriptions)', () => {
    const wheres = shown.map((s) => s.where);
    assert.ok(wheres.includes('contributes.commands[0].title'), 'command titles are checked');
    assert.ok(wheres.includes('contributes.commands[0].category'), 'command categories are checked');
    assert.ok(wheres.some((w) => /^contributes\.views\.[^.]+\[0\]\.name$/.test(w)), 'view names are checked');
    assert.ok(wheres.some((w) => /^contributes\.configuration\[0\]\.properties\.iamKeys\.profile\.markdownDescription$/.test(w)), 'setting descriptions are checked');
    assert.ok(wheres.some((w) => /\.items\.properties\.[^.]+\.description$/.test(w)), 'nested setting descriptions are checked');
    assert.ok(wheres.some((w) => w.endsWith('.patternErrorMessage')), 'pattern messages are checked');
    assert.ok(!wheres.some((w) => /\.(command|when|group|id|icon|type|pattern|default|scope)$/.test(w)), 'IDs, when clauses and schema keywords are not');
  });

  it('are all %key%s of package.nls.json', () => {
    assert.deepEqual(shown.filter((s) => !KEY.test(s.value)).map((s) => `${s.where}: ${s.value}`), [], 'manifest strings that are not %key%s');
    const missing = shown.map((s) => KEY.exec(s.value)?.[1] as string).filter((key) => typeof nls[key] !== 'string' || (nls[key] as string).trim() === '');
    assert.deepEqual(missing, [], 'keys missing from package.nls.json');
  });
});

describe('manifest strings: the check itself', () => {
  it('flags a plain string and walks settings, arrays and nested items', () => {
    const contributes = {
      commands: [{ command: 'x.y', title: 'Plain', category: '%c%' }],
      configuration: { title: '%t%', properties: { 'x.title': { type: 'string', description: 'Setting text', items: { properties: { name: { description: '%d%' } } } } } },
      menus: { 'view/title': [{ command: 'x.y', when: 'view == x' }] },
      views: { x: [{ id: 'v', name: 'View' }] },
    };
    assert.deepEqual(shownStrings(contributes, 'c').map((s) => `${s.where}=${s.value}`), [
      'c.commands[0].title=Plain',
      'c.commands[0].category=%c%',
      'c.configuration.title=%t%',
      'c.configuration.properties.x.title.description=Setting text',
      'c.configuration.properties.x.title.items.properties.name.description=%d%',
      'c.views.x[0].name=View',
    ]);
  });
});
