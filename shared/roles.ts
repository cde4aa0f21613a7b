// Who may do what in the room. The roles are the interchange vocabulary (CLI, journal, README
// table); the UI shows translations. Each call's roles are in ./permissions.ts.
export const ROLES = ['watch_officer', 'supervisor', 'liaison', 'observer', 'wall'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that are people of the host nation's staff: they see every item, whatever its marking. */
export const HOST_STAFF: readonly Role[] = ['watch_officer', 'supervisor'];

export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);
