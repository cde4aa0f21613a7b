// The selected unit's position history (listUnitPositions, newest first), re-read whenever the
// unit's version changes (it moved); empty when no unit is selected or the read failed.
import { useEffect, useState } from 'react';
import type { UnitPosition } from '../../shared/domain';
import { mapClient } from './client';

const NONE: UnitPosition[] = [];
export const TRAIL_FIXES = 50;

export function useUnitTrail(unitId: string | null, version: number | null): UnitPosition[] {
  const [trail, setTrail] = useState<{ key: string; fixes: UnitPosition[] }>({ key: '', fixes: NONE });
  const key = unitId ? `${unitId}@${version ?? ''}` : '';
  useEffect(() => {
    if (!unitId) return;
    let live = true;
    mapClient()
      .listUnitPositions({ id: unitId, limit: TRAIL_FIXES })
      .then((fixes) => live && setTrail({ key, fixes }))
      .catch(() => live && setTrail({ key, fixes: NONE }));
    return () => {
      live = false;
    };
  }, [unitId, key]);
  // A stale answer (another unit) is never drawn.
  return unitId && trail.key.startsWith(`${unitId}@`) ? trail.fixes : NONE;
}
