import { Dialog } from '../common/Dialog';
import { createEnvironment } from '../environments/environmentActions';
import { EnvironmentList } from '../environments/EnvironmentList';
import { useDialogs } from '../state/dialogs';

export function ManageEnvironmentsDialog() {
  const close = () => useDialogs.getState().openPanel(null);
  return (
    <Dialog
      title="Manage environments"
      onClose={close}
      width={520}
      footer={
        <>
          <button
            className="button"
            onClick={async () => {
              await createEnvironment();
              close();
            }}
          >
            New environment
          </button>
          <div className="grow" />
          <button className="button primary" onClick={close}>
            Done
          </button>
        </>
      }
    >
      <p className="muted dialog-message">Click an environment to edit its variables. The check mark sets the active one.</p>
      <EnvironmentList onOpened={close} />
    </Dialog>
  );
}
