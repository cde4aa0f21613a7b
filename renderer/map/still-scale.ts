// The wall's map at any display size: drawn as at 1920 px wide and enlarged (CSS zoom) to the
// display, so labels, icons and lines keep their size relative to the screen at 4K instead of
// shrinking to half; the canvas is drawn at the enlarged resolution, so it stays sharp.
import { useEffect, useState } from 'react';

/** The wall is laid out for 1920 px wide (wall.css: 1vw units). */
export const STILL_BASE_WIDTH = 1920;

const scaleNow = () => Math.max(1, window.innerWidth / STILL_BASE_WIDTH);

/** 1 for the console's map; for the wall's, how much larger than 1920 px wide the display is. */
export function useStillScale(still: boolean): number {
  const [scale, setScale] = useState(() => (still ? scaleNow() : 1));
  useEffect(() => {
    if (!still) return;
    const onResize = () => setScale(scaleNow());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [still]);
  return scale;
}
