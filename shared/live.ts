// What the live feed carries to a console, on both transports (the browser host's GET /events and
// the desktop's long poll): which journal entries are new (what changed, not the data: the console
// re-reads the rows it shows) and whether the room's database answers.

export interface LiveEntry {
  seq: number;
  action: string;
  entityType: string;
  entityId: string | null;
  operator: string;
  desk: string;
}

export interface RoomStatus {
  /** 'ok' while the database answers; 'lost' since `since` otherwise. */
  state: 'ok' | 'lost';
  since: string | null;
  detail?: string | null;
}

export interface LiveBatch {
  head: number;
  entries: LiveEntry[];
  /** Too much was missed for a list of entries: read everything again. */
  reload: boolean;
  room: RoomStatus;
}

/** An entry as pushed: the fields a console needs to know what to re-read. */
export const liveEntry = ({ seq, action, entityType, entityId, operator, desk }: LiveEntry): LiveEntry => ({
  seq,
  action,
  entityType,
  entityId,
  operator,
  desk,
});
