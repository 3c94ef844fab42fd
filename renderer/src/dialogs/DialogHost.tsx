// Renders whichever dialog is open.
import { ChoiceDialog } from '../common/ChoiceDialog';
import { useDialogs } from '../state/dialogs';
import { CookiesDialog } from './CookiesDialog';
import { ManageEnvironmentsDialog } from './ManageEnvironmentsDialog';
import { QuickSearch } from './QuickSearch';
import { SaveAsDialog } from './SaveAsDialog';
import { SettingsDialog } from './settings/SettingsDialog';
import { ShortcutsSheet } from './ShortcutsSheet';
import { TeamSettingsDialog } from '../team/TeamSettingsDialog';

export function DialogHost() {
  const panel = useDialogs((s) => s.panel);
  const saveAsTabId = useDialogs((s) => s.saveAsTabId);
  return (
    <>
      {panel === 'cookies' && <CookiesDialog />}
      {panel === 'shortcuts' && <ShortcutsSheet />}
      {panel === 'quickSearch' && <QuickSearch />}
      {panel === 'manageEnvironments' && <ManageEnvironmentsDialog />}
      {panel === 'settings' && <SettingsDialog />}
      <TeamSettingsDialog />
      {saveAsTabId && <SaveAsDialog key={saveAsTabId} tabId={saveAsTabId} />}
      <ChoiceDialog />
    </>
  );
}
