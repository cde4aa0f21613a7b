import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../electron/store/migrations/index.js';
import { expectedSchema, pgSchemaOf } from '../../electron/store/schema-expected.js';

describe('the schema the migrations make', () => {
  it('reads a room schema in order: a later migration replaces a function and drops a trigger', () => {
    const ref = {
      tables: new Map([
        ['t', ['a', 'b']],
        ['fts', ['x']],
      ]),
      engineOwn: new Set(['fts']),
    };
    const s = pgSchemaOf(
      [
        `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
         CREATE TABLE t (a text, b text);
         CREATE TABLE fts (id text, doc tsvector);
         CREATE TABLE IF NOT EXISTS only_pg (v integer);
         CREATE TRIGGER t_x BEFORE DELETE ON t FOR EACH ROW EXECUTE FUNCTION f('t: DELETE refused');`,
        `CREATE OR REPLACE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ v2 $$;
         DROP TRIGGER t_x ON t;
         CREATE TRIGGER t_y AFTER INSERT OR UPDATE OF a, b ON t FOR EACH ROW EXECUTE FUNCTION f();`,
      ],
      ref,
    );
    expect([...s.tables]).toEqual([
      ['t', ['a', 'b']],
      ['fts', []],
      ['only_pg', []],
    ]);
    expect([...s.triggers.keys()]).toEqual(['t.t_y']);
    expect(s.triggers.get('t.t_y')?.sql).toMatch(
      /^CREATE TRIGGER t_y AFTER .* ON t FOR EACH ROW EXECUTE FUNCTION f\(\);$/s,
    );
    expect(s.functions.get('f')?.body).toBe(' v2 ');
  });

  it('finds the append-only triggers on both engines, the same tables and columns on both', () => {
    const file = expectedSchema('sqlite', LATEST_VERSION);
    const room = expectedSchema('postgres', LATEST_VERSION);
    for (const t of ['journal_no_update', 'journal_no_delete'])
      expect(file.triggers.has(`journal.${t}`)).toBe(true);
    for (const table of ['journal', 'incident_notes', 'handovers'])
      for (const what of ['update', 'delete', 'truncate'])
        expect(room.triggers.get(`${table}.${table}_no_${what}`)?.sql).toContain("vigie_refuse('");
    expect(room.functions.get('vigie_refuse')?.body).toContain('RAISE EXCEPTION');
    expect(room.tables.get('journal')).toEqual(file.tables.get('journal'));
    expect(room.tables.get('journal')).toContain('role');
    expect(room.tables.get('vigie_schema')).toEqual([]);
  });
});
