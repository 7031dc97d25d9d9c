// Finding work (issue 16): what the searchable, filtered case list and the customer list return.
import type { CaseSummary, CustomerView } from './api-types.ts';

/** `GET /api/v1/cases`: one page of a queue, searched, filtered and sorted as asked. */
export interface CaseListPage {
  cases: CaseSummary[];
  /** True when more cases matched than the page holds (narrow the search or the filters). */
  more: boolean;
}

/** `GET /api/v1/customers`: customers by name, or those a search finds. */
export interface CustomerListPage {
  customers: CustomerView[];
  more: boolean;
}

/** `POST /api/v1/cases/bulk/status` and `…/bulk/owner`: which cases changed, and which the rules refused and why. */
export interface BulkChangeResponse {
  changed: string[];
  refused: BulkRefusal[];
}

export interface BulkRefusal {
  caseId: string;
  /** The error code the same change by hand would answer (`case.invalid_transition`…). */
  code: string;
  message: string;
}
