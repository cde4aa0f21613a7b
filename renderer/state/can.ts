// What the signed-in operator's role may do, from the table the services enforce
// (shared/permissions.ts). Only for clarity: controls a role may not use are hidden or disabled,
// and the services refuse the call anyway. The hooks over these are in ./hooks.ts.
import type { CallName } from '../../shared/api';
import type { Operator } from '../../shared/domain';
import { PERMISSIONS } from '../../shared/permissions';
import type { VigieState } from './types';

/** Whether `role` may make `call` (false without a role). */
export function roleMay(role: string | null | undefined, call: CallName): boolean {
  const allowed = PERMISSIONS[call];
  if (allowed === 'public') return true;
  return role != null && (allowed as readonly string[]).includes(role);
}

/** Whether the operator signed in on this desk may make `call`. */
export const may = (s: VigieState, call: CallName): boolean => roleMay(s.session?.operator?.role, call);

type UnitCall = 'setUnitStatus' | 'moveUnit' | 'setK9Rest';

/** Why `who` may not change this unit, as an i18n key (shown on the disabled control), or null. */
export function whyNotChangeUnit(
  who: Operator | null | undefined,
  unit: { contingentId: string },
  call: UnitCall,
): 'why.role' | 'why.otherContingent' | null {
  if (!roleMay(who?.role, call)) return 'why.role';
  return who?.role !== 'liaison' || who.contingentId === unit.contingentId ? null : 'why.otherContingent';
}

/** Whether `who` may change this unit (status, position): a liaison only their contingent's. */
export const mayChangeUnit = (
  who: Operator | null | undefined,
  unit: { contingentId: string },
  call: UnitCall,
) => whyNotChangeUnit(who, unit, call) === null;
