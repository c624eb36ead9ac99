// Wires the hover into the editor: one KeyLookup fed by the session registry, the provider for every
// document scheme, settings changes applied to the lookup, and the optional key markers.
import * as vscode from 'vscode';
import { CONNECTION_KEYS, type Settings } from '../../config';
import type { SessionRegistry } from '../../aws/sessionRegistry';
import type { Log } from '../../log';
import type { LoadedKeys } from '../../model/accountModels';
import { AccessKeyHoverProvider } from './accessKeyHoverProvider';
import { KeyLookup } from './keyLookup';
import { KeyMarkers } from './keyMarkers';
import { sessionLookupSources } from './sessionSources';

export interface HoverWiring {
  readonly sessions: SessionRegistry;
  readonly models: LoadedKeys;
  readonly settings: Settings;
  readonly log: Log;
}

export function registerAccessKeyHover({ sessions, models, settings, log }: HoverWiring): { lookup: KeyLookup; disposables: vscode.Disposable[] } {
  const lookup = new KeyLookup(sessionLookupSources(sessions, models), settings.current.hover);
  const provider = new AccessKeyHoverProvider({ lookup, settings: () => settings.current, now: () => new Date(), log });
  const disposables = [
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
  return { lookup, disposables };
}
