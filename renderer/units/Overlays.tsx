// Everything the units, handover and lock work adds over the console: the units board, the
// contingent, roster import, handover, settings, backups, operators and contact directory
// dialogs, the storage banner and the lock screen, and the notice after a restore.
import { BackupsDialog } from '../backups/BackupsDialog';
import { useRestoredNotice } from '../backups/restored-notice';
import { HandoverDialog } from '../handover/HandoverDialog';
import { AfterActionDialog } from '../after-action/AfterActionDialog';
import { OperatorsDialog } from '../operators/OperatorsDialog';
import { DirectorDialog } from '../exercise/DirectorDialog';
import { NewOperationDialog } from '../operations/NewOperationDialog';
import { ShortcutsHelp } from '../common/ShortcutsHelp';
import { DeskLock, StorageBanner } from '../lock/LockScreen';
import { ContingentView } from './ContingentView';
import { DirectoryDialog } from './DirectoryDialog';
import { ExchangeDialog } from '../exchange/ExchangeDialog';
import { RosterImport } from './RosterImport';
import { SettingsDialog } from './SettingsDialog';
import { UnitBoard } from './UnitBoard';
import { useUnitsView } from './view-store';

export function UnitsOverlays() {
  const view = useUnitsView((s) => s.view);
  const contingentId = useUnitsView((s) => s.contingentId);
  useRestoredNotice();
  return (
    <>
      <StorageBanner />
      {(view === 'board' || view === 'roster') && <UnitBoard />}
      {view === 'roster' && <RosterImport />}
      {view === 'handover' && <HandoverDialog />}
      {view === 'after-action' && <AfterActionDialog />}
      {view === 'settings' && <SettingsDialog />}
      {view === 'backups' && <BackupsDialog />}
      {view === 'new-operation' && <NewOperationDialog />}
      {view === 'shortcuts' && <ShortcutsHelp />}
      {view === 'operators' && <OperatorsDialog />}
      {view === 'directory' && <DirectoryDialog />}
      {view === 'exchange' && <ExchangeDialog />}
      {view === 'director' && <DirectorDialog />}
      {contingentId && <ContingentView id={contingentId} />}
      <DeskLock />
    </>
  );
}
