// Exchange with partners' tools, from Settings: export units, incidents or zones as GeoJSON, CSV,
// KML or Cursor-on-Target (what this desk may see, each file saying its releasability), and import
// zones and points from a partner's KML or GeoJSON file (checked whole first, then confirmed).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXCHANGE_FORMATS, type ExchangeFormat, type ExchangeWhat } from '../../shared/exchange/formats';
import type { ExchangeExport, FeatureImportResult } from '../../shared/api/exchange';
import { toApiError } from '../api';
import { appClient } from '../lock/client';
import { downloadText } from '../handover/download';
import { reloadZones } from '../map-tools/zone-actions';
import { useCan, useStoreApi } from '../state/hooks';
import { Dialog } from '../units/Dialog';
import { useUnitsView } from '../units/view-store';
import { TakSection } from './TakSection';
import { WhatSelect } from './WhatSelect';

type Failure = { error: string; issues: string[] };
const failure = (err: unknown): Failure => {
  const e = toApiError(err);
  // Each problem already names the file, the feature and the field; the paths are for the CLI.
  return { error: e.message, issues: (e.issues ?? []).map((i) => i.message) };
};

function ExportSection() {
  const { t } = useTranslation();
  const [what, setWhat] = useState<ExchangeWhat>('all');
  const [format, setFormat] = useState<ExchangeFormat>('kml');
  const [done, setDone] = useState<ExchangeExport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const csvAll = format === 'csv' && what === 'all';
  const run = async () => {
    setError(null);
    setDone(null);
    try {
      const file = await appClient().exportData({ what, format });
      downloadText(file.fileName, file.mime, file.text);
      setDone(file);
    } catch (err) {
      setError(toApiError(err).message);
    }
  };
  return (
    <fieldset className="exchange-section" data-testid="exchange-export">
      <legend>{t('exchange.export')}</legend>
      <p className="hint">{t('exchange.exportHint')}</p>
      <div className="exchange-choices">
        <WhatSelect value={what} onChange={setWhat} testId="exchange-what" />
        <label>
          {t('exchange.format')}
          <select
            data-testid="exchange-format"
            value={format}
            onChange={(e) => setFormat(e.target.value as ExchangeFormat)}
          >
            {EXCHANGE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`exchange.formats.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn-primary"
          data-testid="exchange-download"
          disabled={csvAll}
          title={csvAll ? t('exchange.csvOneTable') : undefined}
          onClick={() => void run()}
        >
          {t('exchange.download')}
        </button>
      </div>
      {csvAll && <p className="hint">{t('exchange.csvOneTable')}</p>}
      {done && (
        <p className="hint" role="status" data-testid="exchange-exported">
          {t('exchange.exported', { count: done.count, file: done.fileName })}{' '}
          <strong className="exchange-banner">{done.releasability}</strong>
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function ImportSection() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<FeatureImportResult | Failure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const check = async (name: string, text: string) => {
    setFile({ name, text });
    setDone(null);
    try {
      setPreview(await appClient().importFeatures({ fileName: name, text, dryRun: true }));
    } catch (err) {
      setPreview(failure(err));
    }
  };
  const confirm = async () => {
    if (!file) return;
    try {
      const r = await appClient().importFeatures({ fileName: file.name, text: file.text, dryRun: false });
      await reloadZones(store);
      setDone(t('exchange.imported', { count: r.created + r.updated, file: r.fileName }));
      setPreview(null);
      setFile(null);
    } catch (err) {
      setPreview(failure(err));
    }
  };
  return (
    <fieldset className="exchange-section" data-testid="exchange-import">
      <legend>{t('exchange.import')}</legend>
      <p className="hint">{t('exchange.importHint')}</p>
      <input
        type="file"
        accept=".kml,.geojson,.json,application/vnd.google-earth.kml+xml,application/geo+json,application/json"
        data-testid="exchange-import-file"
        aria-label={t('exchange.import')}
        onChange={(e) => {
          const picked = e.target.files?.[0];
          if (picked) void picked.text().then((text) => check(picked.name, text));
        }}
      />
      {preview && 'error' in preview && (
        <div className="zone-problems" role="alert" data-testid="exchange-import-error">
          {preview.issues.length ? (
            <>
              <p>{t('exchange.refused', { count: preview.issues.length })}</p>
              <ul>
                {preview.issues.slice(0, 12).map((i) => (
                  <li key={i}>{i}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{preview.error}</p>
          )}
        </div>
      )}
      {preview && !('error' in preview) && (
        <div className="zone-summary" data-testid="exchange-import-summary">
          <p>
            {t('exchange.importSummary', {
              file: preview.fileName,
              created: preview.created,
              updated: preview.updated,
              unchanged: preview.unchanged,
              points: preview.points,
            })}
          </p>
          <ul className="exchange-lines">
            {preview.zones.slice(0, 12).map((z) => (
              <li key={z.index}>
                {z.name} · {t(`exchange.actions.${z.action}`)}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="btn-primary"
            data-testid="exchange-import-confirm"
            onClick={() => void confirm()}
          >
            {t('exchange.importConfirm')}
          </button>
        </div>
      )}
      {done && (
        <p className="hint" role="status" data-testid="exchange-import-done">
          {done}
        </p>
      )}
    </fieldset>
  );
}

export function ExchangeDialog() {
  const { t } = useTranslation();
  const open = useUnitsView((s) => s.open);
  const mayImport = useCan('importFeatures');
  const maySend = useCan('sendToTak');
  return (
    <Dialog testId="exchange-dialog" title={t('exchange.title')} wide onClose={() => open('settings')}>
      <ExportSection />
      {mayImport && <ImportSection />}
      {maySend && <TakSection />}
    </Dialog>
  );
}
