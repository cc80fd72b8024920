/** A padlock drawn inline, so it shows the same everywhere (an emoji depends on the system's fonts). */
export function LockIcon({ size = 10, title }: { size?: number; title?: string }) {
  return (
    <svg className="lock-icon" width={size} height={size} viewBox="0 0 16 16" role={title ? 'img' : undefined} aria-hidden={title ? undefined : true} aria-label={title} data-testid="lock-icon">
      <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <rect x="2.5" y="7" width="11" height="8" rx="1.5" fill="currentColor" />
    </svg>
  );
}
