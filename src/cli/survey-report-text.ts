// `kept report surveys`: what customers say (issue 15), as the Surveys screen shows it, on a terminal.
import type { SurveyGroupRow, SurveyReportResponse } from '../contract/survey-types.ts';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null | undefined, d = 2) => (v === null || v === undefined ? '—' : v.toFixed(d));

function row(r: SurveyGroupRow): string {
  return `  ${(r.label || '(none)').slice(0, 28).padEnd(28)} sent ${String(r.sent).padStart(5)}  answered ${String(r.answered).padStart(5)}  rate ${pct(r.responseRate).padStart(6)}  mean ${num(r.meanScore)}  1–2 ${pct(r.lowShare)}`;
}

export function surveyReportText(data: SurveyReportResponse): string {
  const o = data.overall;
  const out = [
    `Surveys ${data.from.slice(0, 10)} – ${data.to.slice(0, 10)}: ${o.sent} sent, ${o.answered} answered (${pct(o.responseRate)}); mean ${num(o.meanScore)} of 5, ${pct(o.lowShare)} scored 1–2, effort ${num(o.meanEffort, 1)} of 7`,
    `Scores 1..5: ${o.distribution.join(' / ')}`,
    `NPS ${data.nps.score ?? '—'} (${data.nps.promoters} promoters, ${data.nps.passives} passives, ${data.nps.detractors} detractors of ${data.nps.answered})`,
    `Expectation met: ${pct(data.expectation.metShare)} (${data.expectation.met} met, ${data.expectation.missed} missed of ${data.expectation.customers})`,
  ];
  const groups: Array<[string, SurveyGroupRow[]]> = [
    ['team', data.byTeam],
    ['person', data.byOwner],
    ['channel', data.byChannel],
    ['language', data.byLanguage],
    ['kind of case', data.byCaseKind],
    ['month', data.byMonth],
  ];
  for (const [name, rows] of groups) {
    out.push(`by ${name}:`);
    for (const r of rows.slice(0, 15)) out.push(row(r));
  }
  if (data.skipped.length) out.push(`held back: ${data.skipped.map((s) => `${s.reason} ${s.count}`).join(', ')}`);
  for (const c of data.comments.slice(0, 10)) out.push(`  [${c.score}] ${c.comment}`);
  return out.join('\n');
}
