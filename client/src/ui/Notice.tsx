import type { ReactNode } from 'react';

/** A calm message box: errors are announced to screen readers at once, other notices politely. */
export function Notice({ tone, title, children, action }: { tone: 'error' | 'info'; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <p className="notice-title">{title}</p>
      {children !== undefined && <div className="notice-body">{children}</div>}
      {action}
    </div>
  );
}
