// Shapes of the retention API (/api/v1/imports, /api/v1/retention/...), shared with the web
// app (`import type` only). Money is in the shop's currency as imported; days are UTC days.
import type { ImportPhase, ImportStatus } from '../kernel/domain-words.ts';

export interface ImportProblemView {
  line: number;
  reason: string;
  column?: string;
}

export interface ImportReportView {
  importId: string;
  status: 'done' | 'failed' | 'cancelled';
  format: 'csv' | 'cdnow' | 'shopify';
  source: string;
  rowsRead: number;
  purchasesInFile: number;
  imported: number;
  duplicates: number;
  skipped: number;
  problems: ImportProblemView[];
  customersCreated: number;
  customersMatched: number;
  seconds: number;
  message: string;
}

/** One import with its progress: GET /api/v1/imports/:id, readable while it runs (on PostgreSQL). */
export interface ImportView {
  id: string;
  format: string;
  source: string;
  status: ImportStatus;
  /** what it is doing while it runs; null before it starts and once it has finished */
  phase: ImportPhase | null;
  /** data records read so far */
  rowsRead: number;
  bytesRead: number;
  /** the file's size when known (the CLI knows it; an upload may not say it) */
  bytesTotal: number | null;
  startedAt: string;
  finishedAt: string | null;
  report: ImportReportView | null;
}

export interface ImportResponse {
  import: ImportView;
}

export interface ImportListResponse {
  imports: Array<{
    id: string;
    format: string;
    source: string;
    status: string;
    startedAt: string;
    finishedAt: string | null;
    report: ImportReportView | null;
  }>;
}

export interface RepeatResponse {
  customers: number;
  repeatCustomers: number;
  /** repeat customers / customers */
  repeatRate: number;
  byCohort: Array<{ cohort: string; customers: number; repeat: number; rate: number }>;
  daysToSecond: { median: number | null; buckets: Array<{ upTo: number | null; customers: number }> };
  /** the loyal segment today: repeat buyers (promoters and referrers join once Kept records them) */
  loyal: { customers: number; revenueShare: number };
}

export interface LoyalCustomerView {
  customerId: string;
  name: string;
  email: string | null;
  purchaseDays: number;
  revenue: number;
  firstDay: string;
  lastDay: string;
  clv: number | null;
}

export interface LoyalListResponse {
  total: number;
  customers: LoyalCustomerView[];
}

export interface EarlyChurnView {
  key: string | null;
  customers: number;
  eligible90: number;
  eligible365: number;
  /** shares 0..1, null when no customer is old enough (or not scored, for the model) */
  lost90: number | null;
  lost365: number | null;
}

export interface CohortsResponse {
  computedAt: string | null;
  definition: 'model' | 'gap';
  gapMultiple: number;
  aliveThreshold: number;
  cohorts: Array<{ cohort: string; customers: number; retention: Array<number | null> }>;
  maxOffset: number;
  earlyChurn: { all: EarlyChurnView; byChannel: EarlyChurnView[]; byCohort: EarlyChurnView[]; modelAvailable: boolean };
  yearly: Array<{ year: number; active: number; retained: number; churn: number; complete: boolean }>;
}

export interface LorenzView {
  population: number;
  total: number;
  gini: number;
  top20Share: number;
  points: Array<{ p: number; share: number }>;
}

export interface ParetoResponse {
  computedAt: string | null;
  revenue: LorenzView;
  complaints: LorenzView;
}

export interface ComplaintRateResponse {
  months: Array<{ month: string; complaints: number; active: number; per1000: number | null }>;
  overall: { complaints: number; active: number; per1000: number | null };
  breakdowns: Record<
    'acquisitionChannel' | 'product' | 'caseChannel',
    Array<{ key: string; complaints: number; active: number; per1000: number | null }>
  >;
}

export interface ClvGroupView {
  customers: number;
  meanClv: number | null;
  medianClv: number | null;
  meanRevenue: number | null;
  meanPAlive: number | null;
}

export interface ClvResponse {
  computedAt: string | null;
  fit: {
    asOf: string;
    customers: number;
    model: 'bgnbd' | 'pareto-nbd';
    bgnbd: { params: Record<string, number>; logLikelihood: number | null; fitted: boolean };
    paretoNbd: { params: Record<string, number>; logLikelihood: number | null; fitted: boolean };
    gammaGamma: { params: Record<string, number> | null; repeatCustomers: number; fitted: boolean; meanSpend: number };
    horizonDays: number;
    annualDiscountRate: number;
  } | null;
  total: number;
  mean: number;
  median: number;
  /** ISO 4217: every amount of this report is in it (the retention settings' currency) */
  currency: string;
  histogram: { top: number; buckets: Array<{ bucket: number; customers: number }> };
  service: { good: ClvGroupView; bad: ClvGroupView; noContact: ClvGroupView };
  byChannel: Array<{
    channel: string;
    customers: number;
    meanClv: number;
    meanRevenue: number;
    costPerCustomer: number | null;
    ratio: number | null;
  }>;
}

export type RiskReason =
  | { code: 'overdue'; points: number; days: number; gapDays: number }
  | { code: 'low_p_alive'; points: number; pAlive: number }
  | { code: 'open_complaint'; points: number; count: number; reference: string }
  | { code: 'broken_promises'; points: number; count: number }
  | { code: 'service_hell'; points: number; reference: string };

export interface CustomerRiskView {
  customerId: string;
  name: string;
  email: string | null;
  risk: number;
  reasons: RiskReason[];
  /** words for each reason, in English (the web app translates the codes itself) */
  explanation: string[];
  clv: number | null;
  pAlive: number | null;
  valueAtRisk: number | null;
  lastPurchase: string | null;
  /** at risk through service alone (complaints, broken promises, service hell): never bought, so no CLV */
  serviceOnly: boolean;
  computedAt: string | null;
}

/** Which customers the at-risk list shows: everyone at risk, or those at risk through service alone. */
// Spelled as a union (not `typeof` a list) so the response schemas can be generated from it.
export type AtRiskScope = 'all' | 'service-only';
export const AT_RISK_SCOPES = ['all', 'service-only'] as const satisfies readonly AtRiskScope[];

export interface AtRiskResponse {
  /** customers at or above the risk threshold in the scope asked for */
  total: number;
  /** of everyone at or above the threshold, those at risk through service alone */
  serviceOnly: number;
  customers: CustomerRiskView[];
}

export interface RetentionSettingsView {
  riskWeights: Record<
    'overdue' | 'lowPAlive' | 'openComplaint' | 'brokenPromises' | 'serviceHell' | 'lowSurvey',
    number
  >;
  churnGapMultiple: number;
  aliveThreshold: number;
  model: 'pareto-nbd' | 'bgnbd';
  horizonDays: number;
  annualDiscountRate: number;
  /** ISO 4217: the money on the retention screens is in this currency */
  currency: string;
  acquisitionCosts: Array<{ channel: string; costPerCustomer: number }>;
}
