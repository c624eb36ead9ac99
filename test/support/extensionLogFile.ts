// The file behind the extension's "IAM Access Keys" log channel, for in-host tests that check
// what the user sees in the Output panel. The extension host (this process) keeps it open, so
// it is found among this process's open files (/proc/self/fd, Linux), not guessed from paths.
import * as fs from 'node:fs';

export function extensionLogFile(channelName = 'IAM Access Keys'): string {
  const wanted = `/${channelName}.log`;
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    let target = '';
    try {
      target = fs.readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue;
    }
    if (target.endsWith(wanted)) return target;
  }
  throw new Error(`no open file ending in ${wanted} in this process: is this the extension host, and has the extension activated?`);
}

/** The log's lines without their timestamp: "[warning] message". */
export function logLines(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.replace(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} /, ''))
    .filter(Boolean);
}
