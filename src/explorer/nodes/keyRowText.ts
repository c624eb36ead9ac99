// What a key row says, shortest first: its health (the first finding, else the status) and the
// last characters of its ID as the label — "Rotation due · …MPLE", "Inactive · …MPLE" — then
// the other findings, the status and the age as the description. The label is what a narrow
// sidebar keeps and what the tree's type-to-filter matches, so typing a finding, a status or
// the end of an ID finds the row; the full ID is in the tooltip, the accessible name and every
// command (copy, Find Access Key Owner, reveal).

/** How many trailing characters of the key ID the row shows (as the AWS console does). */
export const SHOWN_KEY_TAIL = 4;

export interface KeyRowText {
  readonly label: string;
  readonly description: string;
}

/** `flags` are the row's finding labels in the health rules' order; `age` is the short age ("120d"). */
export function keyRowText(accessKeyId: string, status: string, flags: readonly string[], age: string): KeyRowText {
  const [first, ...others] = flags;
  const tail = `…${accessKeyId.slice(-SHOWN_KEY_TAIL)}`;
  if (first === undefined) return { label: `${status} · ${tail}`, description: age };
  return { label: `${first} · ${tail}`, description: [...others, status, age].join(' · ') };
}
