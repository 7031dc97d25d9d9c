// The web app's <style> elements (Mantine's theme variables, the e-mail frame's own stylesheet)
// carry a nonce the server makes for each page load (src/http/security-headers.ts): index.html
// has this meta element, and the server writes the nonce over the placeholder.

export const STYLE_NONCE_META = 'kept-style-nonce';
export const STYLE_NONCE_PLACEHOLDER = '__KEPT_STYLE_NONCE__';
