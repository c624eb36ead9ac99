// A Stryker ignorer (plugin "sampled-only") for the sampled folder runs (stryker.sample.config.mjs):
// a `mutate` range per sampled mutant takes every mutant whose node lies inside that node too, so
// any node inside the ranges that is not a sampled mutant's node, and holds none, is ignored (an
// ignore covers the node's whole subtree). Mutants of other mutators on a sampled node still run;
// scripts/mutation-sample-score.mjs counts only the sampled ones. The sample file is named by
// STRYKER_SAMPLE_FILE (set by the config, inherited by Stryker's child processes).
import * as fs from 'node:fs';
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

const key = (loc) => `${loc.start.line}:${loc.start.column}-${loc.end.line}:${loc.end.column}`;
const inside = (outer, inner) =>
  (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.column <= inner.start.column)) &&
  (outer.end.line > inner.end.line || (outer.end.line === inner.end.line && outer.end.column >= inner.end.column));

/** Ignores nodes that neither are nor hold a sampled mutant's node (0-based lines, as babel's loc minus 1). */
export function sampledOnly(sample) {
  const locations = sample.map((m) => m.location);
  const keys = new Set(locations.map(key));
  return {
    shouldIgnore(path) {
      const loc = path.node.loc;
      if (!loc) return undefined;
      const zeroBased = { start: { line: loc.start.line - 1, column: loc.start.column }, end: { line: loc.end.line - 1, column: loc.end.column } };
      if (keys.has(key(zeroBased))) return undefined;
      if (locations.some((l) => inside(zeroBased, l))) return undefined;
      return 'not in the sample';
    },
  };
}

const file = process.env.STRYKER_SAMPLE_FILE;
const sample = file ? JSON.parse(fs.readFileSync(file, 'utf8')).sample : [];
export const strykerPlugins = [declareValuePlugin(PluginKind.Ignore, 'sampled-only', sampledOnly(sample))];
