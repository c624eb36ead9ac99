// A command-line tool some tests need (the aws CLI, moto_server). Missing is a failure with
// the install hint, never a skip: a skipped comparison would leave CI green without running it.
import { spawnSync } from 'node:child_process';

export interface RequiredTool {
  /** The command, found on PATH. */
  readonly command: string;
  /** Arguments that make it print something and exit 0. */
  readonly probeArgs: readonly string[];
  /** How a developer installs it. */
  readonly install: string;
}

export const AWS_CLI: RequiredTool = { command: 'aws', probeArgs: ['--version'], install: "pip install awscli (or Debian's awscli)" };
export const GIT: RequiredTool = { command: 'git', probeArgs: ['--version'], install: "install git (Debian's git package)" };
export const MOTO_SERVER: RequiredTool = { command: 'moto_server', probeArgs: ['--help'], install: "pip install 'moto[server]'" };

/** Runs the probe; returns what it printed, or throws an error that names the tool and its install. */
export function requireTool(tool: RequiredTool): string {
  const probe = spawnSync(tool.command, [...tool.probeArgs], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    const why = probe.error ? probe.error.message : `exit code ${probe.status}`;
    throw new Error(`${tool.command} is required by these tests and did not run (${why}): ${tool.install}`);
  }
  return `${probe.stdout}${probe.stderr}`;
}
