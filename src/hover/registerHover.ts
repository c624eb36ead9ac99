// Wires the hover into the editor: one KeyLookup fed by the explorer, the provider for every
// document scheme, settings changes applied to the lookup, and the optional key markers.
import * as vscode from 'vscode';
import { CONNECTION_KEYS, type Settings } from '../config';
import type { ExplorerProvider } from '../explorer/explorerProvider';
import type { Log } from '../log';
import { AccessKeyHoverProvider } from './accessKeyHoverProvider';
import { explorerLookupSources } from './explorerSources';
import { KeyLookup } from './keyLookup';
import { KeyMarkers } from './keyMarkers';

export interface HoverWiring {
  readonly explorer: ExplorerProvider;
  readonly settings: Settings;
  readonly log: Log;
}

export function registerAccessKeyHover({ explorer, settings, log }: HoverWiring): vscode.Disposable[] {
  const lookup = new KeyLookup(explorerLookupSources(explorer), settings.current.hover);
  const provider = new AccessKeyHoverProvider({ lookup, settings: () => settings.current, now: () => new Date(), log });
  return [
    // '*' covers files, untitled, output channels, settings (vscode-userdata), remote and virtual files.
    vscode.languages.registerHoverProvider({ scheme: '*' }, provider),
    settings.onDidChange((affects) => {
      lookup.configure(settings.current.hover);
      // Other profiles or endpoint: earlier answers may no longer hold.
      if (CONNECTION_KEYS.some(affects)) lookup.clear();
    }),
    { dispose: () => lookup.dispose() },
    new KeyMarkers(settings),
  ];
}
