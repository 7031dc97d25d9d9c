import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { DEFAULT_THEME } from '@mantine/core';

// Motion is reduced in component tests, so Mantine's transitions (a button's loader, a
// dropdown) end at once: an animation timer left running past a test's end fired after the
// page was gone ("window is not defined", an unhandled error that failed a CI run).
DEFAULT_THEME.respectReducedMotion = true;
const matchMedia = window.matchMedia.bind(window);
window.matchMedia = (query: string) =>
  query.includes('prefers-reduced-motion: reduce')
    ? ({
        matches: true,
        media: query,
        onchange: null,
        addListener() {},
        removeListener() {},
        addEventListener() {},
        removeEventListener() {},
        dispatchEvent: () => false,
      } as MediaQueryList)
    : matchMedia(query);

afterEach(() => {
  cleanup();
});
