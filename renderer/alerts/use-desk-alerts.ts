// The alerts up on this desk now (shared/alerts.ts over what the desk reads), recomputed as the
// data moves and once a second on the operation clock (deadlines pass with time alone).
import { useMemo } from 'react';
import { deriveAlerts, type Alert } from '../../shared/alerts';
import { useNow, useOperationClock } from '../clock/use-clock';
import { currentThresholds } from '../incidents/overdue';
import { useVigie } from '../state/hooks';

export function useDeskAlerts(): Alert[] {
  const operator = useVigie((s) => s.session?.operator ?? null);
  const priorityOne = useVigie((s) => s.priorityOne);
  const requests = useVigie((s) => s.requests);
  const bulletins = useVigie((s) => s.bulletins);
  const alertLevel = useVigie((s) => s.alertLevel);
  const acks = useVigie((s) => s.alertAcks);
  const { clock } = useOperationClock();
  const now = useNow(clock);
  return useMemo(() => {
    // The wall reads the room for everyone; alerts are for a desk with someone at it.
    if (!operator || operator.role === 'wall') return [];
    return deriveAlerts({
      me: { desk: operator.desk, role: operator.role, contingentId: operator.contingentId ?? null },
      priorityOne,
      requests,
      bulletins,
      alertLevel,
      acks,
      now,
      thresholds: currentThresholds(),
    });
  }, [operator, priorityOne, requests, bulletins, alertLevel, acks, now]);
}
