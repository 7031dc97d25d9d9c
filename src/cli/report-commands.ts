// `kept report <name> [--json] [--workspace slug]`: the retention dashboards on a terminal.
// Names: repeat, cohorts, pareto, complaint-rate, complaints, clv, at-risk. `--refresh` recomputes CLV and
// risk first. With --json, stdout is one JSON object (the API's response), for scripts.
import type { Command } from 'commander';
import { KeptError } from '../errors/kept-error.ts';
import {
  clvReport,
  cohortsReport,
  complaintRateReport,
  complaintsReport,
  listAtRisk,
  paretoReport,
  refreshScores,
  repeatReport,
} from '../retention/index.ts';
import { surveyReport } from '../surveys/index.ts';
import { surveyReportText } from './survey-report-text.ts';
import { withStore } from './with-store.ts';
import { workspaceIdFor } from './workspace-option.ts';

const REPORTS = ['repeat', 'cohorts', 'pareto', 'complaint-rate', 'complaints', 'clv', 'at-risk', 'surveys'] as const;
type ReportName = (typeof REPORTS)[number];

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null | undefined, d = 2) => (v === null || v === undefined ? '—' : v.toFixed(d));

async function textReport(name: ReportName, data: any): Promise<string> {
  const out: string[] = [];
  switch (name) {
    case 'repeat':
      out.push(
        `Customers ${data.customers}, repeat ${data.repeatCustomers} (${pct(data.repeatRate)}); loyal revenue share ${pct(data.loyal.revenueShare)}`,
      );
      out.push(`Median days to the second purchase: ${num(data.daysToSecond.median, 0)}`);
      out.push('cohort    customers  repeat  rate');
      for (const c of data.byCohort)
        out.push(`${c.cohort}   ${String(c.customers).padStart(9)}  ${String(c.repeat).padStart(6)}  ${pct(c.rate)}`);
      break;
    case 'cohorts':
      out.push(
        `Lost within 90 days: ${pct(data.earlyChurn.all.lost90)}, within the first year: ${pct(data.earlyChurn.all.lost365)} (${data.definition === 'gap' ? `no purchase for ${data.gapMultiple}× their own gap` : `P(alive) < ${data.aliveThreshold}`})`,
      );
      out.push('cohort    size      months since acquisition →');
      for (const c of data.cohorts)
        out.push(
          `${c.cohort}  ${String(c.customers).padStart(6)}  ${c.retention
            .slice(0, 13)
            .map((r: number | null) => (r === null ? '   —' : `${Math.round(r * 100)}`.padStart(4)))
            .join('')}`,
        );
      for (const y of data.yearly)
        out.push(
          `year ${y.year}: active ${y.active}, churn ${pct(y.churn)}${y.complete ? '' : ' (year after not over)'}`,
        );
      for (const c of data.earlyChurn.byChannel)
        out.push(`channel ${c.key || '(none)'}: lost in 90 d ${pct(c.lost90)}, in 1 y ${pct(c.lost365)}`);
      break;
    case 'pareto':
      out.push(
        `Revenue: top 20% of ${data.revenue.population} customers bring ${pct(data.revenue.top20Share)}; Gini ${num(data.revenue.gini, 3)}`,
      );
      out.push(
        `Complaints: top 20% of ${data.complaints.population} complainers bring ${pct(data.complaints.top20Share)}; Gini ${num(data.complaints.gini, 3)}`,
      );
      break;
    case 'complaint-rate':
      out.push(
        `Last 12 months: ${num(data.overall.per1000, 1)} complaints per 1,000 active customers (${data.overall.complaints} / ${data.overall.active})`,
      );
      for (const m of data.months)
        out.push(`${m.month}  ${num(m.per1000, 1).padStart(8)} per 1,000  (${m.complaints} / ${m.active})`);
      for (const [dim, rows] of Object.entries(data.breakdowns) as Array<[string, any[]]>) {
        out.push(`by ${dim}:`);
        for (const r of rows.slice(0, 10))
          out.push(
            `  ${(r.key || '(none)').padEnd(24)} ${num(r.per1000, 1).padStart(8)} per 1,000  (${r.complaints} / ${r.active})`,
          );
      }
      break;
    case 'complaints':
      out.push(
        `Last 12 months: ${data.complaints} complaints, ${num(data.per1000, 1)} per 1,000 active customers (${data.active} active); ${data.open} open`,
      );
      out.push(
        `${data.complainers} customers complained; the top 20% of them brought ${pct(data.top20Share)}; Gini ${num(data.gini, 3)}`,
      );
      out.push('by kind:');
      for (const k of data.byKind) out.push(`  ${k.key.padEnd(20)} ${String(k.complaints).padStart(6)}`);
      out.push('found by:');
      for (const k of data.bySource) out.push(`  ${k.key.padEnd(20)} ${String(k.complaints).padStart(6)}`);
      break;
    case 'clv':
      if (!data.fit) {
        out.push('No CLV yet: import purchases, or run `kept report clv --refresh`.');
        break;
      }
      out.push(
        `${data.fit.customers} customers as of ${data.fit.asOf}; scores from ${data.fit.model}; horizon ${data.fit.horizonDays} days, discount ${pct(data.fit.annualDiscountRate)} a year`,
      );
      out.push(`BG/NBD ${JSON.stringify(data.fit.bgnbd.params)} LL ${num(data.fit.bgnbd.logLikelihood)}`);
      out.push(`Pareto/NBD ${JSON.stringify(data.fit.paretoNbd.params)} LL ${num(data.fit.paretoNbd.logLikelihood)}`);
      out.push(`Gamma-Gamma ${JSON.stringify(data.fit.gammaGamma.params)}`);
      out.push(`Total CLV ${num(data.total)}, mean ${num(data.mean)}, median ${num(data.median)}`);
      for (const k of ['good', 'bad', 'noContact'] as const) {
        const g = data.service[k];
        out.push(
          `${k.padEnd(10)} ${String(g.customers).padStart(8)} customers, mean CLV ${num(g.meanClv)}, median ${num(g.medianClv)}`,
        );
      }
      for (const c of data.byChannel)
        out.push(
          `channel ${c.channel || '(none)'}: mean CLV ${num(c.meanClv)}, cost ${num(c.costPerCustomer)}, CLV/cost ${num(c.ratio)}`,
        );
      break;
    case 'at-risk':
      out.push(
        `${data.total} customers at risk (${data.serviceOnly} through service alone, no purchases), most value at risk first:`,
      );
      for (const c of data.customers)
        out.push(
          `${String(c.risk).padStart(3)}  ${(c.serviceOnly ? 'no purchases' : num(c.valueAtRisk)).padStart(12)}  ${c.name}: ${c.explanation.join('; ')}`,
        );
      break;
  }
  return out.join('\n');
}

export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description(`Retention and survey reports: ${REPORTS.join(', ')}`)
    .argument('<name>', REPORTS.join(' | '))
    .option('--json', 'one JSON object on stdout (the API response)')
    .option('--workspace <slug>')
    .option('--definition <definition>', 'cohorts: model | gap (how a lost customer is recognised)', 'gap')
    .option('--limit <n>', 'at-risk: how many', '20')
    .option('--refresh', 'recompute CLV and churn risk first')
    .option('--days <n>', 'surveys: the last n days', '90')
    .action(
      async (
        name: string,
        o: { json?: boolean; workspace?: string; definition: string; limit: string; refresh?: boolean; days: string },
      ) => {
        if (!(REPORTS as readonly string[]).includes(name))
          throw new KeptError('request.invalid', `Unknown report "${name}" (use ${REPORTS.join(', ')})`, {
            field: 'name',
          });
        if (o.definition !== 'model' && o.definition !== 'gap')
          throw new KeptError('request.invalid', '--definition must be model or gap', { field: 'definition' });
        await withStore(async (store) => {
          const workspaceId = await workspaceIdFor(store, o.workspace);
          const now = new Date();
          if (o.refresh) await refreshScores(store.db, workspaceId, now);
          if (name === 'surveys') {
            const days = Number(o.days);
            if (!Number.isInteger(days) || days < 1 || days > 3650)
              throw new KeptError('request.invalid', '--days must be a whole number of days (1–3650)', {
                field: 'days',
              });
            const from = new Date(now.getTime() - days * 86_400_000);
            const report = await surveyReport(store.db, { workspaceId, from, to: now, now });
            process.stdout.write(o.json ? `${JSON.stringify(report)}\n` : `${surveyReportText(report)}\n`);
            return;
          }
          const data =
            name === 'repeat'
              ? await repeatReport(store.db, workspaceId)
              : name === 'cohorts'
                ? await cohortsReport(store.db, workspaceId, o.definition as 'gap', now)
                : name === 'pareto'
                  ? await paretoReport(store.db, workspaceId)
                  : name === 'complaint-rate'
                    ? await complaintRateReport(store.db, workspaceId, now)
                    : name === 'complaints'
                      ? await complaintsReport(store.db, workspaceId, now)
                      : name === 'clv'
                        ? await clvReport(store.db, workspaceId)
                        : await listAtRisk(store.db, workspaceId, {
                            limit: Number(o.limit) || 20,
                            offset: 0,
                            minRisk: 1,
                          });
          process.stdout.write(
            o.json ? `${JSON.stringify(data)}\n` : `${await textReport(name as ReportName, data)}\n`,
          );
        });
      },
    );
}
