import type { ReactNode } from 'react';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Mod-Shift-Backspace" → "Strg+Umschalt+Rück" (or ⌘ on a Mac), as a person reads it. */
export function shortcutLabel(shortcut: string): string {
  const names: Record<string, string> = {
    Mod: isMac ? '⌘' : 'Strg',
    Shift: 'Umschalt',
    Alt: isMac ? '⌥' : 'Alt',
    Enter: 'Eingabe',
    Backspace: 'Rücktaste',
    ArrowUp: '↑',
    ArrowDown: '↓',
  };
  return shortcut
    .split('-')
    .map((part) => names[part] ?? part.toUpperCase())
    .join('+');
}

/** The same shortcut for aria-keyshortcuts ("Control+Shift+Backspace"). */
function ariaShortcut(shortcut: string): string {
  return shortcut.replace('Mod', isMac ? 'Meta' : 'Control').replace(/-/g, '+');
}

/**
 * A toolbar button that stays focusable while it cannot act (aria-disabled), so that keyboard
 * users can still reach and read it. A mouse press does not take the focus out of the document.
 */
export function ToolButton(props: {
  label: string;
  shortcut?: string;
  enabled: boolean;
  onActivate: () => void;
  children: ReactNode;
  className?: string;
  expanded?: boolean;
  hasPopup?: boolean;
  /** For a toggle (Fett): whether it is on where the caret is. */
  pressed?: boolean;
}) {
  const { label, shortcut, enabled, onActivate, children, className, expanded, hasPopup, pressed } = props;
  const title = shortcut ? `${label} (${shortcutLabel(shortcut)})` : label;
  return (
    <button
      type="button"
      className={`tool-button ${className ?? ''}`}
      aria-label={label}
      title={title}
      aria-disabled={!enabled}
      aria-keyshortcuts={shortcut ? ariaShortcut(shortcut) : undefined}
      aria-expanded={expanded}
      aria-pressed={pressed}
      aria-haspopup={hasPopup ? 'menu' : undefined}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        if (enabled) onActivate();
      }}
    >
      {children}
    </button>
  );
}
