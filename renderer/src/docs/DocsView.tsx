// The Docs view of a collection: a contents list, then its folders and endpoints in sidebar order
// with method, URL, parameters, headers, body, examples, the rendered descriptions and a code
// snippet in the language the reader picks; "Export HTML" / "Export Markdown" download the same documentation as a file.
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { DocsNode } from '../../../shared/contract-docs';
import type { KeyValue } from '../../../shared/model';
import { SNIPPET_TARGETS, type SnippetTargetId } from '../../../shared/snippet-targets';
import { Markdown } from '../agent/Markdown';
import '../styles/docs.css';
import { rpc } from '../rpc';
import type { DocsTab } from '../state/tabTypes';
import { errorMessage } from '../state/toasts';
import { methodClass } from '../util/methods';
import { exportDocs } from './docsActions';

const anchor = (node: DocsNode) => `docs-${node.id}`;

/** Whether the nodes are the workspace's requests (their snippets inherit auth); a spec's preview's are not. */
const WorkspaceNodes = createContext(true);

function Description({ text }: { text: string }) {
  return text.trim() ? <Markdown text={text} className="docs-markdown" /> : null;
}

function Rows({ title, rows }: { title: string; rows: KeyValue[] }) {
  const sent = rows.filter((r) => r.enabled !== false && r.key !== '');
  if (sent.length === 0) return null;
  return (
    <>
      <div className="docs-label">{title}</div>
      <table className="docs-table" aria-label={title}>
        <tbody>
          {sent.map((r, i) => (
            <tr key={i}>
              <td>
                <code>{r.key}</code>
              </td>
              <td>
                <code>{r.value}</code>
              </td>
              <td>{r.description ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The request as code in the reader's language (formats.snippet: httpsnippet, with inherited auth). */
function Snippet({ node, target }: { node: DocsNode; target: SnippetTargetId }) {
  const [code, setCode] = useState(target === 'curl' ? (node.curl ?? '') : '');
  const inWorkspace = useContext(WorkspaceNodes);
  useEffect(() => {
    let live = true;
    rpc['formats.snippet']({ request: node.request!, requestId: inWorkspace ? node.id : null, target, resolveVariables: false }).then(
      (out) => live && setCode(out.code),
      (err: unknown) => live && setCode(`# ${errorMessage(err)}`),
    );
    return () => {
      live = false;
    };
  }, [node, target, inWorkspace]);
  return (
    <pre className="docs-code" data-testid="docs-snippet">
      {code}
    </pre>
  );
}

function Endpoint({ node, depth, target }: { node: DocsNode; depth: number; target: SnippetTargetId }) {
  const spec = node.request!;
  const Heading = depth <= 1 ? 'h2' : depth === 2 ? 'h3' : 'h4';
  return (
    <section className="docs-endpoint" id={anchor(node)} data-testid="docs-endpoint" aria-label={`${spec.method} ${node.name}`}>
      <Heading>
        <span className={`method-badge ${methodClass(spec.method)}`}>{spec.method}</span> {node.name}
      </Heading>
      <pre className="docs-code docs-url">{spec.url}</pre>
      <Description text={node.description} />
      <Rows title="Query parameters" rows={spec.params} />
      <Rows title="Headers" rows={spec.headers} />
      {node.body && (
        <>
          <div className="docs-label">Body ({spec.body.mode})</div>
          <pre className="docs-code">{node.body.text}</pre>
        </>
      )}
      <div className="docs-label">Example request</div>
      <Snippet node={node} target={target} />
      {node.examples.map((e, i) => (
        <div className="docs-example" key={i} data-testid="docs-example">
          <div className="docs-label">
            Example: {e.name} — {e.status} {e.statusText}
          </div>
          {e.body !== '' && <pre className="docs-code">{e.body}</pre>}
        </div>
      ))}
    </section>
  );
}

function Sections({ node, depth, target }: { node: DocsNode; depth: number; target: SnippetTargetId }) {
  return (
    <>
      {node.children.map((child) =>
        child.kind === 'request' ? (
          <Endpoint key={child.id} node={child} depth={depth} target={target} />
        ) : (
          <section key={child.id} className="docs-folder" id={anchor(child)} aria-label={child.name}>
            {depth <= 1 ? <h2>{child.name}</h2> : <h3>{child.name}</h3>}
            <Description text={child.description} />
            <Sections node={child} depth={depth + 1} target={target} />
          </section>
        ),
      )}
    </>
  );
}

function Contents({ node }: { node: DocsNode }) {
  if (node.children.length === 0) return null;
  return (
    <ul>
      {node.children.map((child) => (
        <li key={child.id}>
          <a
            href={`#${anchor(child)}`}
            onClick={(e) => {
              e.preventDefault();
              document.getElementById(anchor(child))?.scrollIntoView({ block: 'start' });
            }}
          >
            {child.request ? `${child.request.method} ${child.name}` : child.name}
          </a>
          <Contents node={child} />
        </li>
      ))}
    </ul>
  );
}

export function DocsView({ tab }: { tab: DocsTab }) {
  const [doc, setDoc] = useState<DocsNode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState<SnippetTargetId>('curl');
  const load = useCallback(() => {
    rpc['docs.collection']({ collectionId: tab.collectionId }).then(
      (d) => {
        setDoc(d);
        setError(null);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [tab.collectionId]);
  useEffect(load, [load]);

  return (
    <div className="docs-view" data-testid="docs-view">
      <header className="container-header">
        <h1 className="docs-title">{doc?.name ?? 'Documentation'}</h1>
        <div className="grow" />
        <label className="muted" htmlFor={`docs-lang-${tab.id}`}>
          Code
        </label>
        <select id={`docs-lang-${tab.id}`} className="select" aria-label="Code snippet language" value={target} onChange={(e) => setTarget(e.target.value as SnippetTargetId)}>
          {SNIPPET_TARGETS.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
        <button className="button" onClick={load}>
          Refresh
        </button>
        <button className="button" onClick={() => void exportDocs(tab.collectionId, 'markdown')}>
          Export Markdown
        </button>
        <button className="button primary" onClick={() => void exportDocs(tab.collectionId, 'html')}>
          Export HTML
        </button>
      </header>
      {error && <p className="error-text" role="alert">{error}</p>}
      {doc && <DocsDocument doc={doc} target={target} />}
    </div>
  );
}

/** A rendered DocsNode: the contents list beside its endpoints (also the spec editor's preview, whose nodes are not workspace items). */
export function DocsDocument({ doc, target, inWorkspace = true }: { doc: DocsNode; target: SnippetTargetId; inWorkspace?: boolean }) {
  return (
    <WorkspaceNodes.Provider value={inWorkspace}>
      <div className="docs-body">
        <nav className="docs-contents" aria-label="Contents">
          <Contents node={doc} />
        </nav>
        <article className="docs-article">
          <Description text={doc.description} />
          <Sections node={doc} depth={1} target={target} />
        </article>
      </div>
    </WorkspaceNodes.Provider>
  );
}
