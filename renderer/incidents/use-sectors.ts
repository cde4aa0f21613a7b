// The sectors the desk knows of: those of units and of incidents on the board.
import { useMemo } from 'react';
import { useVigie } from '../state/hooks';

export function useSectors(extra?: string | null): string[] {
  const units = useVigie((s) => s.units);
  const incidents = useVigie((s) => s.incidentPoints);
  return useMemo(() => {
    const all = new Set<string>();
    for (const u of units) if (u.sector) all.add(u.sector);
    for (const i of incidents) if (i.sector) all.add(i.sector);
    if (extra) all.add(extra);
    return [...all].sort((a, b) => a.localeCompare(b));
  }, [units, incidents, extra]);
}
