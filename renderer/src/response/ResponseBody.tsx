// The Body tab of a response: Pretty (formatted, highlighted, foldable), Raw, or Preview
// (HTML in a sandboxed iframe, images inline).
import { memo, useState } from 'react';
import type { HttpResponse } from '../../../shared/model';
import { CodeViewer } from '../editor/CodeViewer';
import { languageForContentType } from '../editor/languages';
import { Icon } from '../common/Icon';
import { formatBytes } from '../util/format';
import { BodyToolbar, type BodyMode } from './BodyToolbar';
import { bodyContent, hexDump, mimeOf } from './bodyContent';
import { FileBodyView } from './FileBodyView';
import { ImagePreview, PreviewFrame } from './PreviewFrame';
import { useFormattedBody } from './useFormattedBody';

function extensionFor(language: string, mime: string): string {
  if (language === 'json') return 'json';
  if (language === 'html') return 'html';
  if (language === 'xml') return 'xml';
  if (language === 'javascript') return 'js';
  return mime.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'txt';
}

export const ResponseBody = memo(function ResponseBody({ response }: { response: HttpResponse }) {
  const content = bodyContent(response);
  const [mode, setMode] = useState<BodyMode>('pretty');
  const [wrap, setWrap] = useState(false);
  const mime = mimeOf(response.contentType);
  const canPreview = content.kind === 'text' ? content.html || content.svg : content.kind === 'image';
  const effectiveMode = mode === 'preview' && !canPreview ? 'pretty' : mode;

  const text = content.kind === 'text' ? content.text : '';
  const language = content.kind === 'text' ? content.language : 'text';
  const invalid = !!response.bodyWarning;
  const formatted = useFormattedBody(text, language, effectiveMode === 'pretty', invalid);
  const prettyText = () => (effectiveMode === 'pretty' && language === 'json' && !invalid && formatted && !formatted.splitLines ? formatted.doc : text);

  return (
    <div className="response-body" data-testid="response-body">
      {response.bodyWarning && (
        <div className="warning-bar" role="status" data-testid="body-warning">
          <Icon name="alert" size={14} />
          <span>{response.bodyWarning}</span>
        </div>
      )}
      {content.kind !== 'empty' && (
        <BodyToolbar
          mode={effectiveMode}
          onMode={setMode}
          canPreview={canPreview}
          wrap={wrap}
          onWrap={setWrap}
          getText={content.kind === 'text' ? prettyText : null}
          fileName={`response.${extensionFor(language, mime)}`}
          mime={mime}
        />
      )}
      <div className="viewer-host">
        {content.kind === 'empty' && <p className="empty-note section-pad">The response has no body.</p>}
        {content.kind === 'file' && (
          <FileBodyView
            path={content.path}
            notice={content.notice}
            wrap={wrap}
            pretty={effectiveMode === 'pretty'}
            language={languageForContentType(response.contentType)}
          />
        )}
        {content.kind === 'image' &&
          (effectiveMode === 'raw' ? (
            <CodeViewer doc={`${mime} image, ${formatBytes(response.size.body)} (base64 shown)\n\n${content.dataUrl.slice(content.dataUrl.indexOf(',') + 1)}`} language="text" wrap ariaLabel="Response body" />
          ) : (
            <ImagePreview src={content.dataUrl} />
          ))}
        {content.kind === 'binary' && (
          <>
            <p className="info-bar">
              Binary body ({mime || 'unknown type'}, {formatBytes(response.size.body)}). Showing a hex dump of the first 64 KB.
            </p>
            <CodeViewer doc={hexDump(content.base64)} language="text" wrap={false} ariaLabel="Response body (hex)" />
          </>
        )}
        {content.kind === 'text' &&
          (effectiveMode === 'preview' ? (
            content.svg ? (
              <ImagePreview src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(content.text)}`} />
            ) : (
              <PreviewFrame html={content.text} />
            )
          ) : formatted === null ? (
            <p className="empty-note section-pad">
              <span className="spinner" aria-hidden="true" /> Formatting {formatBytes(text.length)}…
            </p>
          ) : (
            <>
              {formatted.splitLines && (
                <p className="info-bar">Lines longer than 10,000 characters are split for display. Copy and Save keep the body as received.</p>
              )}
              <CodeViewer doc={formatted.doc} language={effectiveMode === 'pretty' ? language : 'text'} wrap={wrap} ariaLabel="Response body" />
            </>
          ))}
      </div>
    </div>
  );
});
