import { useEffect, type ReactNode } from 'react';
import { createTheme, DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { setNonce } from 'get-nonce';
import { useTranslation } from 'react-i18next';
import { directionOf } from './i18n/i18n.ts';
import { styleNonce } from './common/style-nonce.ts';

const theme = createTheme({
  primaryColor: 'teal',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", Arial, sans-serif',
  defaultRadius: 'md',
});

// Read once: the page's nonce does not change while it is open.
const nonce = styleNonce() ?? '';
const pageStyleNonce = () => nonce;
// Mantine's modals lock scrolling with react-remove-scroll, which writes a <style> element of its
// own and takes the nonce for it from get-nonce.
if (nonce) setNonce(nonce);

/** Keeps Mantine's direction in step with the language (ar and he are right-to-left). */
function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const dir = directionOf(i18n.language);
  useEffect(() => {
    setDirection(dir);
  }, [dir, setDirection]);
  return null;
}

export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <DirectionProvider initialDirection={directionOf(i18n.language)} detectDirection={false}>
      {/* Mantine writes the theme as <style> elements; the page's CSP admits them by this nonce. */}
      <MantineProvider theme={theme} getStyleNonce={pageStyleNonce}>
        <DirectionSync />
        <Notifications position="top-center" />
        {children}
      </MantineProvider>
    </DirectionProvider>
  );
}
