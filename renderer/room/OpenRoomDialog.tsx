// "Open room…": the room server's address and the SHA-256 fingerprint of its certificate (as
// `vigie room cert` prints it), checked here by the same rules the main process applies
// (shared/room-address.ts), each complaint naming its field. "Test connection" asks the main
// process to reach the room with the certificate pinned and says what it found; "Open" switches
// the desk to the room (the local file stays as it is). Rooms opened before fill the fields.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentRoom, RoomProbe } from '../../shared/desktop-bridge';
import { roomAddressProblems, type RoomAddressProblem } from '../../shared/room-address';
import { toApiError } from '../api';
import { OperatorField } from '../operators/Field';
import { Dialog } from '../units/Dialog';
import { ProbeResult } from './ProbeResult';
import type { RoomBridge } from './room-bridge';

type Busy = 'test' | 'open' | null;

export function OpenRoomDialog({
  bridge,
  recent,
  onClose,
  onOpened,
}: {
  bridge: RoomBridge;
  recent: RecentRoom[];
  onClose: () => void;
  onOpened: () => void;
}) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(recent[0]?.url ?? '');
  const [fingerprint, setFingerprint] = useState(recent[0]?.fingerprint ?? '');
  const [shown, setShown] = useState<{ url?: RoomAddressProblem; fingerprint?: RoomAddressProblem }>({});
  const [probe, setProbe] = useState<RoomProbe | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);

  const problem = (field: 'url' | 'fingerprint') => {
    const code = shown[field];
    return code ? t(`openRoom.problem.${code}`, { field: t(`openRoom.${field}`) }) : undefined;
  };
  /** The typed values when both are valid; otherwise shows why and gives null. */
  const checked = (): { url: string; fingerprint: string } | null => {
    const problems = roomAddressProblems({ url, fingerprint });
    setShown(problems);
    setProbe(null);
    setFailure(null);
    return problems.url || problems.fingerprint ? null : { url, fingerprint };
  };
  const run = async (kind: Exclude<Busy, null>) => {
    const address = checked();
    if (!address) return;
    setBusy(kind);
    try {
      if (kind === 'test') setProbe(await bridge.testRoom(address));
      else {
        await bridge.openRoom(address);
        onOpened();
      }
    } catch (err) {
      const message = toApiError(err).message;
      setFailure(kind === 'open' ? t('openRoom.openFailed', { message }) : message);
    } finally {
      setBusy(null);
    }
  };
  const edit = (set: (v: string) => void) => (v: string) => {
    set(v);
    setProbe(null);
  };

  return (
    <Dialog testId="open-room-dialog" title={t('openRoom.title')} onClose={onClose}>
      <form
        className="open-room"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run('open');
        }}
      >
        <p className="hint">{t('openRoom.intro')}</p>
        <OperatorField label={t('openRoom.url')} error={problem('url')} testId="room-url">
          <input
            data-testid="room-url"
            value={url}
            placeholder="https://room.local:8443"
            spellCheck={false}
            autoComplete="off"
            maxLength={300}
            aria-invalid={shown.url ? true : undefined}
            onChange={(e) => edit(setUrl)(e.target.value)}
          />
        </OperatorField>
        <p className="hint">{t('openRoom.urlHint')}</p>
        <OperatorField
          label={t('openRoom.fingerprint')}
          error={problem('fingerprint')}
          testId="room-fingerprint"
        >
          <textarea
            data-testid="room-fingerprint"
            value={fingerprint}
            rows={2}
            spellCheck={false}
            autoComplete="off"
            maxLength={300}
            aria-invalid={shown.fingerprint ? true : undefined}
            onChange={(e) => edit(setFingerprint)(e.target.value)}
          />
        </OperatorField>
        <p className="hint">{t('openRoom.fingerprintHint')}</p>
        {recent.length > 0 && (
          <fieldset className="open-room-recent" data-testid="room-recent">
            <legend>{t('openRoom.recent')}</legend>
            <ul>
              {recent.map((r) => (
                <li key={r.url}>
                  <button
                    type="button"
                    className="btn-ghost"
                    onClick={() => {
                      setUrl(r.url);
                      setFingerprint(r.fingerprint);
                      setShown({});
                      setProbe(null);
                    }}
                  >
                    {t('openRoom.recentUse')}
                  </button>
                  <span className="open-room-recent-name">{r.name ?? new URL(r.url).host}</span>
                  <code>{r.url}</code>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        {probe && <ProbeResult probe={probe} />}
        {failure && (
          <p className="field-error" role="alert" data-testid="room-failure">
            {failure}
          </p>
        )}
        <div className="open-room-actions">
          <button
            type="button"
            className="btn-ghost"
            data-testid="room-test"
            disabled={busy !== null}
            onClick={() => void run('test')}
          >
            {busy === 'test' ? t('openRoom.testing') : t('openRoom.test')}
          </button>
          <span className="spacer" />
          <button type="button" className="btn-ghost" onClick={onClose}>
            {t('openRoom.cancel')}
          </button>
          <button type="submit" className="btn-primary" data-testid="room-open" disabled={busy !== null}>
            {busy === 'open' ? t('openRoom.opening') : t('openRoom.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
