// Units by status per sector: a compact table, one row per sector, the totals underneath.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_STATUSES } from '../../shared/domain';
import { UNIT_STATUS_COLOR } from '../map/palette';
import { useUnits } from '../state/hooks';
import { unitsBySector, type SectorRow } from './wall-data';

export function WallUnits() {
  const { t } = useTranslation();
  const units = useUnits();
  const { rows, totals } = useMemo(() => unitsBySector(units), [units]);
  const cells = (row: SectorRow) => (
    <>
      {UNIT_STATUSES.map((s) => (
        <td key={s} className={row.counts[s] ? 'wall-num' : 'wall-num wall-zero'}>
          {row.counts[s]}
        </td>
      ))}
      <td className="wall-num wall-total">{row.total}</td>
    </>
  );
  return (
    <section className="wall-panel wall-units" aria-labelledby="wall-units-title">
      <h2 id="wall-units-title">{t('wall.units')}</h2>
      <table className="wall-table" data-testid="wall-units">
        <thead>
          <tr>
            <th scope="col">{t('wall.sector')}</th>
            {UNIT_STATUSES.map((s) => (
              <th key={s} scope="col" className="wall-num">
                <span className="wall-dot" style={{ background: UNIT_STATUS_COLOR[s] }} />
                {t(`unitStatus.${s}`)}
              </th>
            ))}
            <th scope="col" className="wall-num">
              {t('wall.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.sector ?? ''} data-testid="wall-sector" data-sector={r.sector ?? ''}>
              <th scope="row">{r.sector ?? t('wall.noSector')}</th>
              {cells(r)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('wall.total')}</th>
            {cells(totals)}
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
