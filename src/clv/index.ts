// The public face of src/clv/: other folders import from here only (the lint forbids
// deeper imports). Added to by scripts/restructure/restructure.mjs when an outsider needs a name.
export { fitBgNbd } from './bg-nbd.ts';
export type { BgNbdParams, FitResult } from './bg-nbd.ts';
export { CDNOW_SAMPLE } from './cdnow-fixture.ts';
export { ClvInputError } from './clv-input-error.ts';
export { discountedPurchases, expectedPurchases, probabilityAlive, scoreCustomers } from './clv-score.ts';
export type { PurchaseModel } from './clv-score.ts';
export { formatIsoDay, parseIsoDay } from './dates.ts';
export { WORKER_ABOVE, fitParetoNbdInWorker, startParetoNbdWorker } from './fit-pareto-nbd-in-worker.ts';
export type { ParetoNbdWorker } from './fit-pareto-nbd-in-worker.ts';
export { fitGammaGamma } from './gamma-gamma.ts';
export type { GammaGammaParams } from './gamma-gamma.ts';
export { groupCustomers } from './group-customers.ts';
export { fitParetoNbd, paretoNbdLogG, paretoNbdProbabilityAliveFromLogG } from './pareto-nbd.ts';
export type { ParetoNbdParams } from './pareto-nbd.ts';
export { cdnowTransactions, readCdnow } from './read-cdnow.ts';
export { readTransactionsCsv } from './read-transactions-csv.ts';
export { summarizeTransactions } from './summarize-transactions.ts';
export type { TimeUnit } from './summarize-transactions.ts';
export { formatSummaryCsv, readSummaryCsv } from './summary-csv.ts';
export type { SummaryData } from './summary-csv.ts';
