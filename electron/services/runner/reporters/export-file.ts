// Where a reporter writes its file: the path the user gave, else (as newman does) a new file in
// ./newman/ named by the time of the run, so CI jobs that collect newman/*.xml keep working.
import fs from 'node:fs/promises';
import path from 'node:path';

export function defaultExportPath(extension: string, now = new Date(), dir = process.cwd()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-').replace('T', '-').replace('Z', '');
  return path.join(dir, 'newman', `courier-run-report-${stamp}.${extension}`);
}

export async function writeReport(file: string, content: string): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await fs.writeFile(file, content);
}
