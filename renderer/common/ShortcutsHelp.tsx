// The console's keyboard shortcuts in one list (the ? key, or the ? button of the top bar): the
// same keys the buttons show, in the officer's language.
import { useTranslation } from 'react-i18next';
import { ACTION_KEYS } from '../../shared/incident-lifecycle';
import { Dialog } from '../units/Dialog';
import { useUnitsView } from '../units/view-store';
import { ShortcutHint } from './ShortcutHint';

type Row = [keys: string[], label: string];

export function ShortcutsHelp() {
  const { t } = useTranslation();
  const open = useUnitsView((s) => s.open);
  const key = (a: keyof typeof ACTION_KEYS) => [ACTION_KEYS[a] as string];
  const groups: [string, Row[]][] = [
    [
      t('keys.console'),
      [
        [['N'], t('keys.newIncident')],
        [['Ctrl', 'I'], t('keys.newIncidentAnywhere')],
        [['?'], t('keys.help')],
        [['Esc'], t('keys.escape')],
      ],
    ],
    [
      t('keys.incident'),
      [
        [key('acknowledge'), t('lifecycle.acknowledge')],
        [['U'], t('assign.open')],
        [key('dispatch'), t('lifecycle.dispatch')],
        [key('arrive'), t('lifecycle.arrive')],
        [key('resolve'), t('lifecycle.resolve')],
        [key('close'), t('keys.close')],
        [['T'], t('notes.add')],
      ],
    ],
    [
      t('keys.form'),
      [
        [['1', '2', '3', '4'], t('keys.priority')],
        [['Enter'], t('form.keySave')],
        [['Shift', 'Enter'], t('form.keyNewline')],
        [['↑', '↓', 'Enter'], t('keys.pick')],
      ],
    ],
  ];
  return (
    <Dialog testId="shortcuts-help" title={t('keys.title')} onClose={() => open(null)}>
      <p className="hint">{t('keys.intro')}</p>
      {groups.map(([title, rows]) => (
        <section key={title} className="keys-group">
          <h3>{title}</h3>
          <table>
            <tbody>
              {rows.map(([keys, label]) => (
                <tr key={label} data-testid="shortcut-row">
                  <td className="keys-cell">
                    <ShortcutHint keys={keys} />
                  </td>
                  <td>{label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </Dialog>
  );
}
