// "New operation…" (settings, supervisors): pick a shipped scenario package or a package folder, see
// it checked (what it holds, or every problem with file and field), name the new file, create it.
// The open operation is untouched. The desktop app then reopens on the new file; a browser on the
// host is told how to serve it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { OperationFiles, ScenarioSummary, scenarioSource } from '../../shared/api/operations';
import { OPERATION_FILE_NAME } from '../../shared/api/operations';
import type { CreatedOperation } from '../../shared/api/operations';
import { toApiError } from '../api';
import { desktopBridge } from '../desktop';
import { appClient } from '../lock/client';
import { Dialog } from '../units/Dialog';
import { useUnitsView } from '../units/view-store';
import { packageName, PackageSummary, Problems } from './PackageSummary';
import { CreatedPanel } from './CreatedPanel';

type Source = z.input<typeof scenarioSource>;
const FOLDER = '(folder)';

export function NewOperationDialog() {
  const { t, i18n } = useTranslation();
  const open = useUnitsView((s) => s.open);
  const bridge = desktopBridge();
  const [files, setFiles] = useState<OperationFiles | null>(null);
  const [choice, setChoice] = useState<string>('');
  const [folder, setFolder] = useState('');
  const [checked, setChecked] = useState<ScenarioSummary | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedOperation | null>(null);

  useEffect(() => {
    appClient()
      .listOperationFiles({})
      .then(setFiles)
      .catch((err: unknown) => setError(toApiError(err).message));
  }, []);

  const source: Source | null =
    choice === FOLDER
      ? folder.trim()
        ? { folder: folder.trim() }
        : null
      : choice
        ? { package: choice }
        : null;

  const check = async (s: Source) => {
    setBusy(true);
    setError(null);
    setProblems([]);
    setChecked(null);
    try {
      const summary = await appClient().checkScenario({ source: s });
      setChecked(summary);
      setName((n) => n || summary.id);
    } catch (err) {
      const e = toApiError(err);
      if (e.issues?.length) setProblems(e.issues.map((i) => i.message));
      else setError(e.message);
    } finally {
      setBusy(false);
    }
  };

  const choose = (value: string) => {
    setChoice(value);
    setChecked(null);
    setProblems([]);
    const shipped = files?.shipped.find((p) => p.package === value);
    if (shipped) {
      setChecked(shipped);
      setName(shipped.id);
    }
  };

  const pickFolder = async () => {
    if (!bridge) return;
    const r = await bridge.pickScenarioFolder();
    if (r.canceled) return;
    setChoice(FOLDER);
    setFolder(r.folder);
    await check({ folder: r.folder });
  };

  const nameOk = OPERATION_FILE_NAME.test(name.trim());
  const why = !source
    ? t('newop.whyNoSource')
    : !checked
      ? t('newop.whyUnchecked')
      : !nameOk
        ? t('newop.whyName')
        : null;

  const create = async () => {
    if (!source || why) return;
    setBusy(true);
    setError(null);
    try {
      setCreated(await appClient().createOperation({ source, file: name.trim() }));
    } catch (err) {
      const e = toApiError(err);
      if (e.issues?.length && e.issues.every((i) => i.path === 'source')) {
        setChecked(null);
        setProblems(e.issues.map((i) => i.message));
      } else setError(e.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog testId="new-operation-dialog" title={t('newop.title')} wide onClose={() => open('settings')}>
      {created ? (
        <CreatedPanel created={created} bridge={bridge} />
      ) : files?.refused ? (
        <p className="hint" data-testid="newop-refused">
          {t('newop.refused', { reason: files.refused })}
        </p>
      ) : (
        <form
          className="newop-form"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <p className="hint">{t('newop.intro', { dir: files?.dir ?? '…' })}</p>
          <fieldset>
            <legend>{t('newop.source')}</legend>
            {files?.shipped.map((p) => (
              <label key={p.package} className="newop-choice">
                <input
                  type="radio"
                  name="newop-source"
                  data-testid={`newop-package-${p.package}`}
                  checked={choice === p.package}
                  onChange={() => choose(p.package)}
                />
                <span>
                  <strong>{packageName(p, i18n.language)}</strong> · {p.timezone} ·{' '}
                  {t(`newop.mode.${p.mode}`)}
                </span>
              </label>
            ))}
            <label className="newop-choice">
              <input
                type="radio"
                name="newop-source"
                data-testid="newop-folder-choice"
                checked={choice === FOLDER}
                onChange={() => choose(FOLDER)}
              />
              <span>{t('newop.folder')}</span>
            </label>
            {choice === FOLDER && (
              <div className="newop-folder">
                <input
                  type="text"
                  data-testid="newop-folder"
                  aria-label={t('newop.folderPath')}
                  placeholder={t('newop.folderPath')}
                  value={folder}
                  onChange={(e) => {
                    setFolder(e.target.value);
                    setChecked(null);
                    setProblems([]);
                  }}
                />
                {bridge && (
                  <button type="button" className="btn-ghost" onClick={() => void pickFolder()}>
                    {t('newop.chooseFolder')}
                  </button>
                )}
                <button
                  type="button"
                  className="btn-ghost"
                  data-testid="newop-check"
                  disabled={busy || !source}
                  title={!source ? t('newop.whyNoFolder') : undefined}
                  onClick={() => source && void check(source)}
                >
                  {t('newop.check')}
                </button>
              </div>
            )}
          </fieldset>
          {checked && <PackageSummary summary={checked} />}
          {problems.length > 0 && <Problems problems={problems} />}
          <label className="newop-name">
            <span>{t('newop.file')}</span>
            <input
              type="text"
              data-testid="newop-file"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={name !== '' && !nameOk}
            />
            <span className="hint">{t('newop.fileHint')}</span>
          </label>
          <div className="form-actions">
            {why && (
              <span className="hint" data-testid="newop-why">
                {why}
              </span>
            )}
            <button
              type="submit"
              className="btn-primary"
              data-testid="newop-create"
              disabled={busy || why !== null}
              title={why ?? undefined}
            >
              {busy ? t('newop.working') : t('newop.create')}
            </button>
          </div>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </Dialog>
  );
}
