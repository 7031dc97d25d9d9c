// Surveys as the API shows them (issue 15: K16 surveys, K17 the perception gap, K18 consistency).
import type { PerceptionAreaKind, SurveyKind } from '../kernel/domain-words.ts';

export interface SurveySettingsView {
  enabled: boolean;
  /** Business minutes between resolution and the survey (the owner's team calendar, else the workspace's). */
  delayBusinessMinutes: number;
  /** Ask "how easy was it to get this solved?" (1–7) with the satisfaction question. */
  askEffort: boolean;
  /** At most one survey per customer in this many days. */
  throttleDays: number;
  /** An NPS survey per customer every this many days; 0 = none. */
  npsIntervalDays: number;
  /**
   * A case that came through the portal has its survey offered there, waiting for the customer's
   * next visit; with this on it also goes by e-mail when they have a working address.
   */
  emailPortalSurveys: boolean;
}

/** A survey waiting for the customer, shown when they are signed into the portal (K16). */
export interface PortalSurveyView {
  /** The survey's own signed answer token: the portal answers through the same operation as the e-mail link. */
  token: string;
  kind: SurveyKind;
  /** `K-1042` for a case's survey, null for NPS. */
  reference: string | null;
  caseId: string | null;
  askEffort: boolean;
  sentAt: string;
}

/** The customer's answer page (/portal/survey/:token). */
export interface SurveyPageResponse {
  workspaceName: string;
  kind: SurveyKind;
  /** `K-1042` for a case's survey, null for NPS. */
  reference: string | null;
  language: string | null;
  askEffort: boolean;
  answered: SurveyAnswerView | null;
  optedOut: boolean;
}

export interface SurveyAnswerView {
  score: number;
  effort: number | null;
  comment: string | null;
  answeredAt: string;
}

/** Satisfaction figures of one group (a team, a person, a channel, a language, a kind of case, a month). */
export interface SurveyGroupRow {
  key: string;
  /** A person's or team's name; the key itself for channels, languages, kinds and months. */
  label: string;
  sent: number;
  answered: number;
  responseRate: number | null;
  meanScore: number | null;
  /** Answers per score 1..5. */
  distribution: number[];
  lowShare: number | null;
  meanEffort: number | null;
}

export interface SurveyCommentView {
  surveyId: string;
  caseId: string | null;
  score: number;
  comment: string;
  language: string | null;
  answeredAt: string;
}

export interface SurveyReportResponse {
  from: string;
  to: string;
  overall: SurveyGroupRow;
  byTeam: SurveyGroupRow[];
  byOwner: SurveyGroupRow[];
  byChannel: SurveyGroupRow[];
  byLanguage: SurveyGroupRow[];
  byCaseKind: SurveyGroupRow[];
  byMonth: SurveyGroupRow[];
  /** Surveys held back, per throttling rule. */
  skipped: Array<{ reason: string; count: number }>;
  nps: {
    sent: number;
    answered: number;
    score: number | null;
    promoters: number;
    passives: number;
    detractors: number;
  };
  /** The intake question "by when do you expect an answer?", against what was delivered. */
  expectation: { customers: number; met: number; missed: number; metShare: number | null };
  /** The latest comments, newest first (at most 50). */
  comments: SurveyCommentView[];
}

export interface SpreadGroupView {
  key: string;
  label: string;
  n: number;
  mean: number | null;
  /** Sample standard deviation (n − 1); null below two answers. */
  sd: number | null;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  iqr: number | null;
  /** Share of scores of 1–2, with its 95% Wilson interval. */
  lowShare: number | null;
  lowShareLow: number | null;
  lowShareHigh: number | null;
  /** 95% interval of the mean (normal approximation); null below two answers. */
  meanLow: number | null;
  meanHigh: number | null;
  /** Below the minimum of answers: shown, never named among the least consistent. */
  fewAnswers: boolean;
}

export interface ConsistencyResponse {
  from: string;
  to: string;
  by: string;
  /** Groups with fewer answers are shown but never named among the least consistent. */
  minAnswers: number;
  groups: SpreadGroupView[];
  /** Keys of the least consistent groups, widest spread first. */
  leastConsistent: string[];
}

export interface PerceptionAreaRow {
  areaKind: PerceptionAreaKind;
  areaKey: string;
  label: string;
  /** The managers' belief, 1–5; null when not recorded for the period. */
  managerRating: number | null;
  customerMean: number | null;
  /** Share of customers' answers ≥ 4. */
  customerShareGood: number | null;
  answers: number;
}

export interface PerceptionPeriodRow {
  period: string;
  /** Share of rated areas management rates superior (≥ 4 of 5). */
  managerShareSuperior: number | null;
  /** Share of customers' answers ≥ 4 in the period. */
  customerShareGood: number | null;
  areasRated: number;
  answers: number;
}

export interface PerceptionGapResponse {
  period: string;
  areas: PerceptionAreaRow[];
  headline: PerceptionPeriodRow;
  trend: PerceptionPeriodRow[];
}
