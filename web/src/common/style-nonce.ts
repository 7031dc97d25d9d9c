import { STYLE_NONCE_META, STYLE_NONCE_PLACEHOLDER } from '@kept/contract/style-nonce.ts';

/**
 * This page load's style nonce: the server's Content-Security-Policy allows <style> elements only
 * with it (src/http/security-headers.ts). None under `vite dev`, where the placeholder stays.
 */
export function styleNonce(): string | undefined {
  const value = document.querySelector<HTMLMetaElement>(`meta[name="${STYLE_NONCE_META}"]`)?.content;
  return value && value !== STYLE_NONCE_PLACEHOLDER ? value : undefined;
}
