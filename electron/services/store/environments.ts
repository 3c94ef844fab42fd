// Environments (named sets of variables, one of them active at a time) and the global variables.
import { randomUUID } from 'node:crypto';
import { Preserved, type Environment, type Variable } from '../../../shared/model.js';
import type { Connection } from './connection.js';
import { readDocument, writeDocument } from './documents.js';
import { ENVIRONMENT_NAME_MAX } from './limits.js';
import { environmentRow, readJson, toEnvironment, type EnvironmentRow } from './rows.js';
import { forgetActiveEnvironment } from './settings.js';
import { cleanName, parseWith, Variables } from './validate.js';

export function listEnvironments(conn: Connection): Environment[] {
  const rows = conn.stmt('SELECT * FROM environments ORDER BY name COLLATE NOCASE, created_at, id').all() as EnvironmentRow[];
  return rows.map(toEnvironment);
}

export function getEnvironment(conn: Connection, id: string): Environment {
  return toEnvironment(environmentRow(conn, id));
}

export interface CreateEnvironmentInput {
  name: string;
  variables?: Variable[];
  /** What an imported file held that Courier does not model (see Environment.preserved). */
  preserved?: Preserved;
}

export function createEnvironment(conn: Connection, input: CreateEnvironmentInput): Environment {
  const name = cleanName(input.name, ENVIRONMENT_NAME_MAX);
  const variables = parseWith(Variables, input.variables ?? [], 'variables');
  const preserved = input.preserved === undefined ? null : JSON.stringify(parseWith(Preserved, input.preserved, 'preserved'));
  const id = randomUUID();
  const now = new Date().toISOString();
  conn
    .stmt('INSERT INTO environments (id, name, variables_json, preserved_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, name, JSON.stringify(variables), preserved, now, now);
  return getEnvironment(conn, id);
}

export function updateEnvironment(conn: Connection, input: { id: string; name?: string; variables?: Variable[] }): Environment {
  return conn.transaction(() => {
    const row = environmentRow(conn, input.id);
    const name = input.name === undefined ? row.name : cleanName(input.name, ENVIRONMENT_NAME_MAX);
    const variables =
      input.variables === undefined ? row.variables_json : JSON.stringify(parseWith(Variables, input.variables, 'variables'));
    conn
      .stmt('UPDATE environments SET name = ?, variables_json = ?, updated_at = ? WHERE id = ?')
      .run(name, variables, new Date().toISOString(), row.id);
    return getEnvironment(conn, row.id);
  });
}

/** Deletes an environment; when it was the active one, no environment is active afterwards. */
export function deleteEnvironment(conn: Connection, id: string): void {
  conn.transaction(() => {
    const row = environmentRow(conn, id);
    conn.stmt('DELETE FROM environments WHERE id = ?').run(row.id);
    forgetActiveEnvironment(conn, row.id);
  });
}

// ------------------------------------------------------------------------------------- globals

export function getGlobals(conn: Connection): Variable[] {
  const json = readDocument(conn, 'globals');
  if (json === null) return [];
  return readJson(Variables, json, 'The global variables');
}

export function setGlobals(conn: Connection, variables: Variable[]): Variable[] {
  const parsed = parseWith(Variables, variables, 'variables');
  writeDocument(conn, 'globals', parsed);
  return parsed;
}
