// The report's alert level line and bulletins section, from the source as of the window's end.
import type { ReportAlertLevel, ReportBulletin } from './model.js';
import type { ReportSource } from './source.js';
import { bannerLine } from '../releasability.js';

export function alertLevelAtEnd(src: ReportSource): ReportAlertLevel | undefined {
  const l = src.alertLevel;
  if (!l) return undefined;
  return { scale: l.scale, level: l.level, since: l.setAt, setBy: l.setBy, reason: l.reason };
}

export function bulletinsAtEnd(src: ReportSource): ReportBulletin[] | undefined {
  if (!src.bulletins) return undefined;
  const host = src.hostCountry ?? 'FR';
  return src.bulletins
    .map((b) => ({
      title: b.title,
      severity: b.severity,
      publishedAt: b.publishedAt,
      publishedBy: b.publishedBy,
      publishedDesk: b.publishedDesk,
      validUntil: b.validUntil,
      withdrawnAt: b.withdrawnAt,
      acknowledged: b.acked.length,
      expected: b.acked.length + b.pending.length,
      pending: [...b.pending].sort(),
      releasability: bannerLine(b.marking, host),
    }))
    .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.title.localeCompare(b.title));
}
