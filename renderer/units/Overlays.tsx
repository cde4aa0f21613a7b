// Everything the units, handover and lock work adds over the console: the units board, the
// contingent, roster import, handover and settings dialogs, the storage banner and the lock screen.
import { HandoverDialog } from '../handover/HandoverDialog';
import { DeskLock, StorageBanner } from '../lock/LockScreen';
import { ContingentView } from './ContingentView';
import { RosterImport } from './RosterImport';
import { SettingsDialog } from './SettingsDialog';
import { UnitBoard } from './UnitBoard';
import { useUnitsView } from './view-store';

export function UnitsOverlays() {
  const view = useUnitsView((s) => s.view);
  const contingentId = useUnitsView((s) => s.contingentId);
  return (
    <>
      <StorageBanner />
      {(view === 'board' || view === 'roster') && <UnitBoard />}
      {view === 'roster' && <RosterImport />}
      {view === 'handover' && <HandoverDialog />}
      {view === 'settings' && <SettingsDialog />}
      {contingentId && <ContingentView id={contingentId} />}
      <DeskLock />
    </>
  );
}
