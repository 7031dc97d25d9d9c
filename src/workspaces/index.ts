// The public face of src/workspaces/: other folders import from here only (the lint forbids
// deeper imports). Added to by scripts/restructure/restructure.mjs when an outsider needs a name.
export { createWorkspace } from './create-workspace.ts';
export { DEFAULT_HELL_THRESHOLDS } from './default-settings.ts';
export { loadLinkedWorkspace, loadWorkspace } from './load-workspace.ts';
export type { WorkspaceRow } from './load-workspace.ts';
export { needsSetup } from './needs-setup.ts';
export { portalAddresses } from './portal-addresses.ts';
export { updateSettings } from './update-settings.ts';
