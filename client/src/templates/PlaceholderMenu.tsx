import { useCallback, useRef, type KeyboardEvent } from 'react';
import { PLACEHOLDERS, type PlaceholderKey, type PlaceholderSpec } from '../../../shared/template/placeholders.js';
import { ToolButton } from '../editor/ToolButton.js';
import { menuKeyDown, useMenuFocus } from '../ui/menuKeys.js';

export const PLACEHOLDER_MENU_SHORTCUT = 'Mod-Alt-p';

const GROUPS = [...new Set(PLACEHOLDERS.map((p) => p.group))].map((group) => ({ group, items: PLACEHOLDERS.filter((p) => p.group === group) }));
/** The menu's items in the order the arrow keys walk them. */
const ORDER: readonly PlaceholderSpec[] = GROUPS.flatMap((g) => g.items);

/**
 * „Platzhalter einfügen": a menu button (ARIA menu pattern) listing the catalogue by its German
 * labels, in groups. It opens from the button or with Strg+Alt+P in the text; arrows move,
 * Home/End jump, Enter inserts, Escape closes and hands the keyboard back to where it came from.
 */
export function PlaceholderMenu({ open, enabled, onOpenChange, onChoose, onDismiss }: { open: boolean; enabled: boolean; onOpenChange: (open: boolean) => void; onChoose: (key: PlaceholderKey) => void; onDismiss: () => void }) {
  const wrapper = useRef<HTMLDivElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  const close = useCallback(() => onOpenChange(false), [onOpenChange]);
  useMenuFocus(open, wrapper, items, close);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) =>
    menuKeyDown(event, items.current, ORDER.length, {
      close,
      dismiss: () => {
        close();
        onDismiss();
      },
    });

  return (
    <div className="menu-wrapper" ref={wrapper}>
      <ToolButton label="Platzhalter einfügen" shortcut={PLACEHOLDER_MENU_SHORTCUT} enabled={enabled} hasPopup expanded={open} onActivate={() => onOpenChange(!open)}>
        <span aria-hidden="true">{'{ }'}</span> Platzhalter
      </ToolButton>
      {open && (
        <div className="menu placeholder-menu" role="menu" aria-label="Platzhalter wählen" onKeyDown={onKeyDown}>
          {GROUPS.map(({ group, items: specs }) => (
            <div key={group} role="group" aria-labelledby={`placeholder-group-${group}`}>
              <p className="menu-group" id={`placeholder-group-${group}`} role="presentation">
                {group}
              </p>
              {specs.map((spec) => (
                <button
                  key={spec.key}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="menu-item placeholder-menu-item"
                  ref={(element) => {
                    items.current[ORDER.indexOf(spec)] = element;
                  }}
                  onClick={() => {
                    onOpenChange(false);
                    onChoose(spec.key);
                  }}
                >
                  <span className="placeholder-menu-label">{spec.label}</span>
                  <span className="placeholder-menu-example">{spec.example}</span>
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
