import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { MEASURE_TYPES, type MeasureType } from '../../../shared/measureTypes.js';
import { ToolButton } from './ToolButton.js';

/**
 * "Maßnahmenart hinzufügen": a menu button (ARIA menu pattern) listing the official types that
 * the list does not have yet. Arrow keys move, Enter chooses, Escape closes and returns focus.
 */
export function MeasureTypeMenu({ missing, onChoose }: { missing: MeasureType[]; onChoose: (type: MeasureType) => void }) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) return;
    items.current[0]?.focus();
    const closeOutside = (event: MouseEvent) => {
      if (event.target instanceof Node && !wrapper.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  const close = () => {
    setOpen(false);
    wrapper.current?.querySelector<HTMLButtonElement>('.tool-button')?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = items.current.findIndex((item) => item === document.activeElement);
    const move = (to: number) => items.current[(to + missing.length) % missing.length]?.focus();
    if (event.key === 'Escape') close();
    else if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(missing.length - 1);
    else if (event.key === 'Tab') setOpen(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  };

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
