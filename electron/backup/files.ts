// Durable file moves for backups and restores: a file is complete on disk before it takes its final
// name, and a rename is made durable by syncing its folder. Nothing here deletes a user's file.
import { closeSync, fsyncSync, openSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return; // folders cannot be opened for fsync there
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Renames and makes the rename durable. */
export function durableRename(from: string, to: string): void {
  renameSync(from, to);
  fsyncDir(dirname(to));
}

/** A timestamp for file names: 20261124-080000Z (UTC, sortable, no colons for Windows). */
export function fileStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll('-', '')
    .replaceAll(':', '')
    .replace('T', '-');
}
