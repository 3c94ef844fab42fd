// HTML preview in an iframe with sandbox="" (no scripts, no forms, no navigation, unique origin).
import { useState } from 'react';

export function PreviewFrame({ html }: { html: string }) {
  return <iframe className="preview-frame" title="Response preview" sandbox="" srcDoc={html} data-testid="response-preview" />;
}

export function ImagePreview({ src }: { src: string }) {
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  const tiny = size !== null && size.w < 48 && size.h < 48;
  return (
    <div className="image-preview" data-testid="response-image">
      <img
        src={src}
        alt="Response body"
        className={tiny ? 'tiny' : ''}
        onLoad={(e) => setSize({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
      />
      {size && (
        <span className="image-size">
          {size.w} × {size.h} px{tiny ? ' (shown enlarged)' : ''}
        </span>
      )}
    </div>
  );
}
