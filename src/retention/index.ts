// The public face of src/retention/: other folders import from here only (the lint forbids
// deeper imports). Added to by scripts/restructure/restructure.mjs when an outsider needs a name.
export { listAcquisitionCosts, replaceAcquisitionCosts } from './acquisition-costs.ts';
export { openRetentionCase, scheduleRetentionCall } from './act-on-risk.ts';
export { bulkParts } from './customer-id-ranges.ts';
export { customerRisk, listAtRisk } from './customer-risk.ts';
export { IMPORT_FORMATS, ImportFileError, parseColumnMap } from './import-rows.ts';
export type { ImportFormat } from './import-rows.ts';
export { importTransactions, rejectionError } from './import-transactions.ts';
export { getImport } from './get-import.ts';
export { acceptImport } from './accept-import.ts';
export { cancelImport } from './import-cancel.ts';
export { IMPORT_JOB_DEFINITIONS } from './import-job.ts';
export type { ImportReport } from './import-transactions.ts';
export { listImports } from './list-imports.ts';
export { rebuildRetention } from './rebuild-retention.ts';
export { refreshEarlyChurn } from './refresh-rollups.ts';
export { refreshScores } from './refresh-scores.ts';
export { clvReport } from './report-clv.ts';
export { cohortsReport } from './report-cohorts.ts';
export { complaintRateReport } from './report-complaint-rate.ts';
export { paretoReport } from './report-pareto.ts';
export { listLoyalCustomers, repeatReport } from './report-repeat.ts';
export { RETENTION_JOB_DEFINITIONS } from './retention-jobs.ts';
export { RISK_FACTORS, currencyCode, loadRetentionSettings, saveRetentionSettings } from './retention-settings.ts';
export { complaintsReport } from './report-complaints.ts';
