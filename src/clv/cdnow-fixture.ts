// Shared by the tests and the CLI test: where the CDNOW files are (data/cdnow/ in the
// repository; their source is in data/cdnow/README.md), and the published
// 2,357-customer summary (calibration 1997-01-01..1997-09-30, weeks) read from
// cdnow_customers_summary_with_transactions.csv.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readSummaryCsv, type SummaryData } from './summary-csv.ts';

export const CDNOW_DIR = fileURLToPath(new URL('../../data/cdnow/', import.meta.url));
export const CDNOW_SAMPLE = join(CDNOW_DIR, 'CDNOW_sample.txt');
export const CDNOW_MASTER = join(CDNOW_DIR, 'CDNOW_master.txt');
export const CDNOW_PUBLISHED_SUMMARY = join(CDNOW_DIR, 'cdnow_customers_summary_with_transactions.csv');

export function readPublishedCdnowSummary(): SummaryData {
  return readSummaryCsv(CDNOW_PUBLISHED_SUMMARY);
}
