// Create, rename, delete environments.
import { rpc } from '../rpc';
import { confirm } from '../state/dialogs';
import { useEnvironments } from '../state/environments';
import { openEnvironment } from '../state/tabActions';
import { attempt } from '../state/toasts';

export async function createEnvironment(open = true): Promise<string | undefined> {
  const names = new Set(useEnvironments.getState().environments.map((e) => e.name));
  let name = 'New Environment';
  for (let i = 2; names.has(name); i++) name = `New Environment ${i}`;
  const env = await attempt(() => rpc['env.create']({ name, variables: [] }), 'Could not create the environment');
  if (!env) return undefined;
  await useEnvironments.getState().reload();
  if (open) openEnvironment(env.id);
  return env.id;
}

export async function renameEnvironment(id: string, name: string): Promise<void> {
  const trimmed = name.trim();
  const env = useEnvironments.getState().environments.find((e) => e.id === id);
  if (!env || !trimmed || trimmed === env.name) return;
  const ok = await attempt(() => rpc['env.update']({ id, name: trimmed }), 'Could not rename the environment');
  if (ok) await useEnvironments.getState().reload();
}

export async function deleteEnvironment(id: string): Promise<void> {
  const env = useEnvironments.getState().environments.find((e) => e.id === id);
  if (!env) return;
  const n = env.variables.length;
  const ok = await confirm(
    'Delete environment',
    `Delete environment “${env.name}”${n ? ` and its ${n} variable${n === 1 ? '' : 's'}` : ''}? This cannot be undone.`,
  );
  if (!ok) return;
  const done = await attempt(() => rpc['env.delete']({ id }), 'Could not delete the environment');
  if (done) await useEnvironments.getState().reload();
}
