// Contact directory (top bar): every contingent's liaison and how to reach them, and, when the
// search names a language ("arabic", "arabe", "ar"), the units that speak it with their radio and
// phone, available ones first. A callsign opens the unit's card.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../i18n/country';
import { UNIT_STATUS_VAR } from '../map/palette';
import { contactLine } from '../panels/UnitContacts';
import { useUnits, useVigie } from '../state/hooks';
import { Dialog } from './Dialog';
import { searchDirectory } from './directory';
import { Flag } from './Flag';
import { languageName } from './UnitBoard';
import { useUnitsView } from './view-store';

/** Enough speakers to choose from without a list nobody reads. */
const MAX_SPEAKERS = 40;

const bothNames = (name: (code: string, lang: string) => string) => (code: string) => [
  code,
  name(code, 'en'),
  name(code, 'fr'),
];

export function DirectoryDialog() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const close = useUnitsView((s) => s.open);
  const contingents = useVigie((s) => s.contingents);
  const units = useUnits();
  const select = useVigie((s) => s.select);
  const [query, setQuery] = useState('');
  const found = useMemo(
    () => searchDirectory(query, contingents, units, bothNames(languageName), bothNames(countryName)),
    [query, contingents, units],
  );
  const open = (id: string) => {
    select('unit', id, 'panel');
    close(null);
  };
  const spoken = found.languages.map((l) => languageName(l, lang)).join(', ');
  return (
    <Dialog title={t('directory.title')} testId="directory" onClose={() => close(null)} wide>
      <input
        className="filter directory-search"
        type="search"
        data-testid="directory-search"
        aria-label={t('directory.search')}
        placeholder={t('directory.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        autoFocus
      />
      {found.languages.length > 0 && (
        <section data-testid="directory-speakers">
          <h3>{t('directory.speakers', { languages: spoken, count: found.speakers.length })}</h3>
          <table className="directory-table">
            <thead>
              <tr>
                <th>{t('contingentView.callsign')}</th>
                <th>{t('unit.contingent')}</th>
                <th>{t('unit.kind')}</th>
                <th>{t('unit.status')}</th>
                <th>{t('directory.reach')}</th>
              </tr>
            </thead>
            <tbody>
              {found.speakers.slice(0, MAX_SPEAKERS).map((u) => (
                <tr key={u.id} data-testid="directory-speaker" data-callsign={u.callsign}>
                  <td>
                    <button type="button" className="link" onClick={() => open(u.id)}>
                      {u.callsign}
                    </button>
                  </td>
                  <td>
                    <Flag code={u.country} lang={lang} /> {u.agency}
                  </td>
                  <td>{t(`unitKind.${u.kind}`)}</td>
                  <td style={{ color: UNIT_STATUS_VAR[u.status] }}>{t(`unitStatus.${u.status}`)}</td>
                  <td>{contactLine(u) ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {found.speakers.length > MAX_SPEAKERS && (
            <p className="muted">{t('directory.more', { count: found.speakers.length - MAX_SPEAKERS })}</p>
          )}
        </section>
      )}
      <section data-testid="directory-liaisons">
        <h3>{t('directory.liaisons', { count: found.liaisons.length })}</h3>
        {found.liaisons.length === 0 ? (
          <p className="muted">{t('directory.none')}</p>
        ) : (
          <table className="directory-table">
            <thead>
              <tr>
                <th>{t('unit.contingent')}</th>
                <th>{t('directory.liaison')}</th>
                <th>{t('directory.reach')}</th>
                <th>{t('unit.languages')}</th>
              </tr>
            </thead>
            <tbody>
              {found.liaisons.map(({ contingent: c, liaisonUnits }) => (
                <tr key={c.id} data-testid="directory-liaison" data-contingent={c.id}>
                  <td>
                    <Flag code={c.country} lang={lang} /> {countryName(c.country, lang)} · {c.agency}
                  </td>
                  <td>{c.liaisonName ?? '—'}</td>
                  <td>
                    {c.liaisonContact ?? (liaisonUnits.length ? null : '—')}
                    {liaisonUnits.map((u) => (
                      <span key={u.id} className="liaison-unit">
                        <button type="button" className="link" onClick={() => open(u.id)}>
                          {u.callsign}
                        </button>
                        : {contactLine(u)}
                      </span>
                    ))}
                  </td>
                  <td>{c.languages.map((l) => languageName(l, lang)).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Dialog>
  );
}
