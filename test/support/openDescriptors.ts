import { readdirSync } from 'node:fs';

/** How many file descriptors this process has open (Linux: /proc/self/fd), for leak checks. */
export function openDescriptorCount(): number {
  return readdirSync('/proc/self/fd').length;
}
