import { useEffect, useState } from 'react';

/**
 * Prints one part of the page: while printing, `bodyClass` is set on the body and the caller marks its element
 * `print-target`, so the print stylesheet shows only that element.
 */
export function usePrint(bodyClass: string): { printing: boolean; print(): void } {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!printing) return;
    document.body.classList.add(bodyClass);
    const done = () => setPrinting(false);
    window.addEventListener('afterprint', done, { once: true });
    const timer = setTimeout(() => window.print(), 50);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('afterprint', done);
      document.body.classList.remove(bodyClass);
    };
  }, [printing, bodyClass]);
  return { printing, print: () => setPrinting(true) };
}
