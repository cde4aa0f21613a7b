// What a database location is, without opening it: a postgres:// URL is a room, anything else a
// file. Kept apart from db.ts so that a command's first steps (its flags, `vigie serve` listening
// before the database is opened) load neither engine.

export function isRoomUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The URL with its password hidden, for messages and logs. */
export function redact(url: string): string {
  // Not URL(): a multi-host URL (primary,standby) is not a WHATWG URL.
  return url.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
}
