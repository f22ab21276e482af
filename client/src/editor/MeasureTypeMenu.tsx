import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { MEASURE_TYPES, type MeasureType } from '../../../shared/measureTypes.js';
import { menuKeyDown, useMenuFocus } from '../ui/menuKeys.js';
import { ToolButton } from './ToolButton.js';

/**
 * "Maßnahmenart hinzufügen": a menu button (ARIA menu pattern) listing the official types that
 * the list does not have yet. Arrow keys move, Enter chooses, Escape closes and returns focus.
 */
export function MeasureTypeMenu({ missing, onChoose }: { missing: MeasureType[]; onChoose: (type: MeasureType) => void }) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  const close = () => {
    setOpen(false);
    wrapper.current?.querySelector<HTMLButtonElement>('.tool-button')?.focus();
  };
  const closeQuietly = useCallback(() => setOpen(false), []);
  useMenuFocus(open, wrapper, items, closeQuietly);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => menuKeyDown(event, items.current, missing.length, { dismiss: close, close: closeQuietly });

  return (
    <div className="menu-wrapper" ref={wrapper}>
      <ToolButton label="Maßnahmenart hinzufügen" enabled={missing.length > 0} hasPopup expanded={open} onActivate={() => setOpen(!open)}>
        <span aria-hidden="true">+</span> Maßnahmenart
      </ToolButton>
      {open && (
        <div className="menu" role="menu" aria-label="Maßnahmenart wählen" onKeyDown={onKeyDown}>
          {missing.map((type, index) => (
            <button
              key={type}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              ref={(element) => {
                items.current[index] = element;
              }}
              onClick={() => {
                setOpen(false);
                onChoose(type);
              }}
            >
              {MEASURE_TYPES[type]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
