// "Keys needing attention": a view-level filter over what is loaded (old, unused, root keys).
import type { CommandDeps } from './deps';

export async function setAttentionFilter(on: boolean, deps: CommandDeps): Promise<boolean> {
  await deps.view.setAttentionOnly(on);
  deps.log.info(on ? 'showing only keys needing attention' : 'showing all keys');
  return on;
}
