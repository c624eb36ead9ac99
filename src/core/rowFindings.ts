// Which findings a tree row names: one label per fact. The status is said on its own, and
// "Unused 90+ days" already says "Unused" (both rules apply to one idle key).
import type { KeyFinding, KeyFindingCode } from './keyHealth';

export function rowFindingCodes(findings: readonly KeyFinding[]): KeyFindingCode[] {
  const codes = findings.map((f) => f.code).filter((code) => code !== 'inactive' && code !== 'expired');
  return codes.includes('unused-90') ? codes.filter((code) => code !== 'unused') : codes;
}
