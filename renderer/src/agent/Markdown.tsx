// An answer's Markdown as React elements (react-markdown builds elements, never innerHTML; raw
// HTML in the text is dropped, and links only keep http(s) and mailto targets).
import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';

function safeUrl(url: string): string {
  const u = defaultUrlTransform(url);
  return /^(https?:|mailto:)/i.test(u) ? u : '';
}

export function Markdown({ text, className = 'agent-markdown' }: { text: string; className?: string }) {
  return (
    <div className={className}>
      <ReactMarkdown
        skipHtml
        urlTransform={safeUrl}
        components={{
          a: ({ href, children }) => (
            <a href={href} target="_blank" rel="noreferrer noopener">
              {children}
            </a>
          ),
          img: ({ alt }) => <span className="muted">[image: {alt}]</span>,
        }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
