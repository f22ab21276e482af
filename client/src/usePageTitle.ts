import { useEffect, useRef } from 'react';

/**
 * Sets the window title and moves focus to the page's main heading, so that screen reader and
 * keyboard users notice the page change of a client-side navigation.
 */
export function usePageTitle(title: string) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – vereinbar`;
  }, [title]);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return heading;
}
