// HTML preview in an iframe with sandbox="" (no scripts, no forms, no navigation, unique origin).
export function PreviewFrame({ html }: { html: string }) {
  return <iframe className="preview-frame" title="Response preview" sandbox="" srcDoc={html} data-testid="response-preview" />;
}

export function ImagePreview({ src }: { src: string }) {
  return (
    <div className="image-preview" data-testid="response-image">
      <img src={src} alt="Response body" />
    </div>
  );
}
