// Every command ID and its title, in one typed module. A unit test checks this table against
// package.json's contributes.commands both ways; the handler map is typed by these IDs, so a
// command without a handler (or a handler without a command) does not compile. No `vscode`
// import: the table is read by plain-Node tests too. `writes: true` marks a command that changes
// something in AWS: registerCommands.ts refuses it while iamKeys.allowWriteActions is off.

export const COMMANDS = {
  refresh: { id: 'iamKeys.refresh', title: 'Refresh' },
  loadMore: { id: 'iamKeys.loadMore', title: 'Load More' },
  loadAll: { id: 'iamKeys.loadAll', title: 'Load All' },
  filterUsers: { id: 'iamKeys.filterUsers', title: 'Filter Users by Name…' },
  clearFilter: { id: 'iamKeys.clearFilter', title: 'Clear User Filter' },
  selectProfile: { id: 'iamKeys.selectProfile', title: 'Select Profile…' },
  addProfile: { id: 'iamKeys.addProfile', title: 'Add Profile…' },
  removeProfile: { id: 'iamKeys.removeProfile', title: 'Remove Profile' },
  copyAccessKeyId: { id: 'iamKeys.copyAccessKeyId', title: 'Copy Access Key ID' },
  showAccessKeyJson: { id: 'iamKeys.showAccessKeyJson', title: 'Show Access Key Metadata as JSON' },
  listAccessKeys: { id: 'iamKeys.listAccessKeys', title: 'List Access Keys…' },
  findAccessKey: { id: 'iamKeys.findAccessKey', title: 'Find Access Key Owner…' },
  revealAccessKey: { id: 'iamKeys.revealAccessKey', title: 'Reveal Access Key in Explorer' },
  copyCliCommand: { id: 'iamKeys.copyCliCommand', title: 'Copy as AWS CLI Command' },
  exportAccessKeys: { id: 'iamKeys.exportAccessKeys', title: 'Export Access Keys…' },
  showNeedsAttention: { id: 'iamKeys.showNeedsAttention', title: 'Show Only Keys Needing Attention' },
  showAllKeys: { id: 'iamKeys.showAllKeys', title: 'Show All Keys' },
  scanWorkspace: { id: 'iamKeys.scanWorkspace', title: 'Scan Workspace for Leaked Access Keys' },
  scanGitHistory: { id: 'iamKeys.scanGitHistory', title: 'Scan Git History for Leaked Access Keys' },
  ignoreLeakedKey: { id: 'iamKeys.ignoreLeakedKey', title: 'Ignore Access Key in Problems' },
  rotateAccessKey: { id: 'iamKeys.rotateAccessKey', title: 'Rotate Access Key…', writes: true },
  deactivateAccessKey: { id: 'iamKeys.deactivateAccessKey', title: 'Deactivate Access Key', writes: true },
  activateAccessKey: { id: 'iamKeys.activateAccessKey', title: 'Activate Access Key', writes: true },
  deleteAccessKey: { id: 'iamKeys.deleteAccessKey', title: 'Delete Access Key…', writes: true },
  createAccessKey: { id: 'iamKeys.createAccessKey', title: 'Create Access Key…', writes: true },
  showHealthReport: { id: 'iamKeys.showHealthReport', title: 'Show Key Health Report' },
  showHealthLegend: { id: 'iamKeys.showHealthLegend', title: 'Key Health Legend' },
  scanStaged: { id: 'iamKeys.scanStaged', title: 'Check Staged Changes for Leaked Access Keys' },
  installPreCommitHook: { id: 'iamKeys.installPreCommitHook', title: 'Install Pre-Commit Hook That Blocks Access Keys' },
  uninstallPreCommitHook: { id: 'iamKeys.uninstallPreCommitHook', title: 'Remove Pre-Commit Hook That Blocks Access Keys' },
  findKeysNeedingAttention: { id: 'iamKeys.findKeysNeedingAttention', title: 'Find Keys Needing Attention Across the Organization' },
} as const;

export type CommandName = keyof typeof COMMANDS;
export type CommandId = (typeof COMMANDS)[CommandName]['id'];

/** name → ID, for code that links to a command (rows, hovers, menus built in code). */
export const CommandIds = Object.fromEntries(Object.entries(COMMANDS).map(([name, c]) => [name, c.id])) as {
  readonly [N in CommandName]: (typeof COMMANDS)[N]['id'];
};

/** Whether a command changes something in AWS (declared in COMMANDS). */
export function writesInAws(id: CommandId): boolean {
  return Object.values(COMMANDS).some((c) => c.id === id && 'writes' in c && c.writes);
}

/** The IDs of the commands that change something in AWS. */
export const WRITE_COMMAND_IDS: readonly CommandId[] = Object.values(COMMANDS)
  .filter((c) => 'writes' in c && c.writes)
  .map((c) => c.id);

/** The English title of a command, as package.json names it. */
export function commandTitle(id: CommandId): string {
  return Object.values(COMMANDS).find((c) => c.id === id)?.title ?? id;
}
