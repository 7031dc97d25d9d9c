// The public face of src/portal/: other folders import from here only (the lint forbids
// deeper imports). Added to by scripts/restructure/restructure.mjs when an outsider needs a name.
export { expectationSignatureValid, expectationUrlFor, readExpectationToken } from './expectation-link.ts';
export { portalSignatureValid, portalUrlFor, readPortalToken, signPortalToken } from './portal-token.ts';
