// The desktop's way into a room and back: "Open room…" (the dialog), and while the desk works on a
// room, "Return to my local file". Both reload the console, so nothing of the previous data or
// session stays in the page. Shown only where the desktop bridge offers rooms.
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { RoomsView } from '../../shared/desktop-bridge';
import { toApiError } from '../api';
import { useStoreApi } from '../state/hooks';
import { OpenRoomDialog } from './OpenRoomDialog';
import { roomBridge } from './room-bridge';
import './room.css';

/** Reloads the console on the data the main process now serves (the room, or the local file). */
const reloadConsole = () => window.location.reload();

export function RoomButton() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const bridge = roomBridge();
  const [view, setView] = useState<RoomsView | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let live = true;
    bridge
      ?.recentRooms()
      .then((v) => live && setView(v))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [bridge]);
  if (!bridge) return null;
  const leave = () =>
    bridge
      .leaveRoom()
      .then(reloadConsole)
      .catch((err: unknown) =>
        store.getState().showError(t('openRoom.leaveFailed', { message: toApiError(err).message })),
      );
  return (
    <>
      {view?.open && (
        <span className="room-current" data-testid="room-current" title={view.open.fingerprint}>
          {t('openRoom.inRoom', { host: new URL(view.open.url).host })}
        </span>
      )}
      <button type="button" className="btn-ghost" data-testid="open-room" onClick={() => setOpen(true)}>
        {t('openRoom.open')}
      </button>
      {view?.open && (
        <button type="button" className="btn-ghost" data-testid="leave-room" onClick={() => void leave()}>
          {t('openRoom.leave')}
        </button>
      )}
      {/* On the body: the top bar's own stacking must not clip or cover the dialog. */}
      {open &&
        createPortal(
          <OpenRoomDialog
            bridge={bridge}
            recent={view?.recent ?? []}
            onClose={() => setOpen(false)}
            onOpened={reloadConsole}
          />,
          document.body,
        )}
    </>
  );
}
