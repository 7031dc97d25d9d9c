// The public face of src/surveys/ (issue 15: K16 surveys, K17 the perception gap, K18
// consistency): other folders import from here only (the lint forbids deeper imports).
export { answerSurvey, isLowScore, optOutOfSurveys, surveyPage } from './answer-survey.ts';
export { consistencyReport } from './consistency-report.ts';
export { perceptionGap, quarterOf, quartersEndingWith, recordPerceptionRating } from './perception-gap.ts';
export { PORTAL_SURVEY_WAITS_DAYS, waitingSurveysOf } from './portal-surveys.ts';
export { planSurveysAfterResolution } from './plan-survey.ts';
export { sendSurvey } from './send-survey.ts';
export { SURVEY_GROUPINGS, type SurveyGrouping } from './survey-answers.ts';
export { SURVEY_FOLLOW_UP_TASK } from './survey-follow-up.ts';
export { SURVEY_JOB_DEFINITIONS } from './survey-jobs.ts';
export { signSurveyToken, surveyUrlFor } from './survey-link.ts';
export { surveyReport } from './survey-report.ts';
export { rebuildSurveyTallies } from './survey-tally.ts';
export { DEFAULT_SURVEY_SETTINGS, loadSurveySettings, updateSurveySettings } from './survey-settings.ts';
