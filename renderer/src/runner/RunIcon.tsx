// The runner's "play" mark, drawn like the icons in common/Icon.tsx.
export function RunIcon({ size = 16, className }: { size?: number; className?: string }) {
  return (
    <svg
      className={`icon ${className ?? ''}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M7 4.5v15l12-7.5z" />
    </svg>
  );
}
