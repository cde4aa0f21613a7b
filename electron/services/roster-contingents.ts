// The contingents of a roster import: each row's contingent is found by (country, agency) or
// created (head count = the sum of its units in the file, liaison from the liaison column). A
// known contingent keeps its head count; the roster can add working languages and name its liaison.
import type { Ctx } from './context.js';
import { journal } from './context.js';
import { newId } from './ids.js';
import type { Contingent, Operator } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { contingentKey, type RosterRow } from '../../shared/roster.js';
import { insertContingent, listContingents, updateContingentLiaison } from '../store/contingents.js';

/** Position fixes and new contingents from a roster say where they came from. */
export const ROSTER_SOURCE = 'import';

/** Plans every contingent of the file on construction; `write` stores the plan. */
export class ContingentPlan {
  private readonly byKey = new Map<string, Contingent>();
  private readonly created = new Map<string, Omit<Contingent, 'version'>>();
  private readonly touched = new Map<string, { liaisonName: string | null; languages: string[] }>();

  constructor(
    private readonly ctx: Ctx,
    rows: readonly RosterRow[],
  ) {
    for (const c of listContingents(ctx.db)) this.byKey.set(contingentKey(c.country, c.agency), c);
    for (const row of rows) this.take(row);
  }

  idFor(row: RosterRow): string {
    const key = contingentKey(row.country, row.agency);
    const id = this.created.get(key)?.id ?? this.byKey.get(key)?.id;
    if (!id) throw new ApiError({ code: 'internal', message: `No contingent planned for line ${row.line}` });
    return id;
  }

  private take(row: RosterRow): void {
    const key = contingentKey(row.country, row.agency);
    const known = this.byKey.get(key);
    const languages = row.languages ?? [];
    if (!known) {
      const c = this.created.get(key);
      if (!c) {
        this.created.set(key, {
          id: newId(this.ctx.clock),
          country: row.country,
          agency: row.agency,
          liaisonName: row.liaison ?? null,
          liaisonContact: null,
          languages,
          personnel: row.personnel,
          arrival: null,
          departure: null,
        });
      } else {
        c.personnel += row.personnel;
        c.liaisonName ??= row.liaison ?? null;
        c.languages = union(c.languages, languages);
      }
      return;
    }
    const t = this.touched.get(known.id) ?? { liaisonName: known.liaisonName, languages: known.languages };
    this.touched.set(known.id, {
      liaisonName: row.liaison ?? t.liaisonName,
      languages: union(t.languages, languages),
    });
  }

  write(who: Operator): void {
    const { db } = this.ctx;
    for (const c of this.created.values()) {
      insertContingent(db, c);
      journal(this.ctx, who, {
        action: 'contingent.created',
        entityType: 'contingent',
        entityId: c.id,
        data: { ...c, source: ROSTER_SOURCE },
      });
    }
    for (const c of this.byKey.values()) {
      const next = this.touched.get(c.id);
      if (!next || !differs(c, next)) continue;
      if (!updateContingentLiaison(db, c.id, next, c.version)) {
        throw new ApiError({ code: 'internal', message: `Contingent ${c.id} changed during the import` });
      }
      journal(this.ctx, who, {
        action: 'contingent.updated',
        entityType: 'contingent',
        entityId: c.id,
        data: {
          country: c.country,
          agency: c.agency,
          changes: {
            ...(c.liaisonName !== next.liaisonName && {
              liaisonName: { from: c.liaisonName, to: next.liaisonName },
            }),
            ...(c.languages.join('|') !== next.languages.join('|') && {
              languages: { from: c.languages, to: next.languages },
            }),
          },
        },
      });
    }
  }

  summary() {
    const updated = [...this.byKey.values()].filter((c) => {
      const next = this.touched.get(c.id);
      return next !== undefined && differs(c, next);
    });
    return { contingentsCreated: this.created.size, contingentsUpdated: updated.length };
  }
}

const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];
const differs = (c: Contingent, next: { liaisonName: string | null; languages: string[] }) =>
  c.liaisonName !== next.liaisonName || c.languages.join('|') !== next.languages.join('|');
