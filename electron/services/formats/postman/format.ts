// Postman as a format of the registry: collections v2.0/v2.1, environments and globals in; v2.1 out.
import type { Exporter, Importer } from '../importer.js';
import { emptyParts, safeFileName } from '../importer.js';
import { parseJsonText, tryJson } from '../json-text.js';
import { exportPostmanCollection, importPostmanFile, isPostmanFile } from './index.js';

export const postmanImporter: Importer = {
  id: 'postman',
  label: 'Postman files (collections, environments, globals)',
  detect: (text) => isPostmanFile(tryJson(text)),
  parse(text, fileName) {
    const parsed = importPostmanFile(parseJsonText(text, fileName), fileName);
    const parts = emptyParts();
    if (parsed.kind === 'collection') {
      parts.collections.push(parsed.root);
      parts.warnings.push(...parsed.warnings);
    } else if (parsed.scope === 'globals') parts.globals = { variables: parsed.variables, preserved: parsed.preserved };
    else parts.environments.push({ name: parsed.name, variables: parsed.variables, preserved: parsed.preserved });
    return parts;
  },
};

export const postmanExporter: Exporter = {
  id: 'postman',
  label: 'Postman collection v2.1',
  exportCollection: (tree) => ({
    text: JSON.stringify(exportPostmanCollection(tree), null, 2) + '\n',
    fileName: `${safeFileName(tree.name)}.postman_collection.json`,
  }),
};
