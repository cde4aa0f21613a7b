// An alert in words: its kind as a title and what it is about, in the desk's language.
import type { TFunction } from 'i18next';
import type { Alert } from '../../shared/alerts';
import type { ALERT_SCALES, AlertScale, BulletinSeverity } from '../../shared/awareness';
import type { IncidentCategory } from '../../shared/domain';

type Late = 'acknowledge' | 'on_scene';
type Answer = 'accepted' | 'declined' | 'done';

type Level = (typeof ALERT_SCALES)[AlertScale][number];

export function alertTitle(t: TFunction, a: Alert): string {
  return t(`alerts.kind.${a.kind}`);
}

export function alertBody(t: TFunction, a: Alert): string {
  switch (a.kind) {
    case 'p1_new':
      return `${a.subject} · ${t(`incidentCategory.${a.detail as IncidentCategory}`)}`;
    case 'p1_overdue':
    case 'p1_escalated':
      return `${a.subject} · ${t(`alerts.late.${a.detail as Late}`)}`;
    case 'request':
      return a.detail === 'overdue'
        ? `${a.subject} · ${t('alerts.requestLate')}`
        : `${a.subject} · ${t('alerts.requestFrom', { desk: a.detail })}`;
    case 'request_answer':
      return `${a.subject} · ${t(`alerts.answer.${a.detail as Answer}`)}`;
    case 'bulletin':
      return `${a.subject} · ${t(`alerts.severity.${a.detail as BulletinSeverity}`)}`;
    case 'alert_level':
      return `${t(`alertLevel.level.${a.subject as Level}`)} · ${a.detail}`;
  }
}
