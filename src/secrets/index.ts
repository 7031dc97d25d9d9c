// The public face of src/secrets/: other folders import from here only (the lint forbids
// deeper imports). Added to by scripts/restructure/restructure.mjs when an outsider needs a name.
export { loadCredentialKey, openCredential, sealCredential } from './sealed-credential.ts';
