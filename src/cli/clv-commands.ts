// `kept clv …`: customer-lifetime-value commands over plain files (no database). The
// contract (flags, columns, the --json shape) is relied on by scripts: keep it stable.
//   kept clv summarize --input transactions.csv --end YYYY-MM-DD [--unit days|weeks] --output summary.csv
//   kept clv fit --model bgnbd|pareto-nbd|gamma-gamma --input summary.csv [--json]
//   kept clv score --input summary.csv --horizon N [--discount RATE] [--params FILE.json] --output scores.csv
// Bad input prints one line naming the file, line and column and sets exit code 2 (no
// stack trace). Progress goes to stderr so stdout stays machine-readable.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  type BgNbdParams,
  ClvInputError,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  type FitResult,
  formatSummaryCsv,
  type GammaGammaParams,
  type ParetoNbdParams,
  parseIsoDay,
  type PurchaseModel,
  readSummaryCsv,
  readTransactionsCsv,
  scoreCustomers,
  summarizeTransactions,
  type SummaryData,
  type TimeUnit,
} from '../clv/index.ts';

const MODELS = ['bgnbd', 'pareto-nbd', 'gamma-gamma'] as const;
type ModelName = (typeof MODELS)[number];
const PARAM_NAMES: Record<ModelName, readonly string[]> = {
  bgnbd: ['r', 'alpha', 'a', 'b'],
  'pareto-nbd': ['r', 'alpha', 's', 'beta'],
  'gamma-gamma': ['p', 'q', 'gamma'],
};

/** Output of `fit --json`, also accepted by `score --params`. */
export interface ClvFitJson {
  model: ModelName;
  params: Record<string, number>;
  logLikelihood: number;
  customers: number;
  standardErrors: Record<string, number | null>;
  seconds: number;
}

function log(message: string): void {
  process.stderr.write(`kept clv: ${message}\n`);
}

function optionError(option: string, detail: string): ClvInputError {
  return new ClvInputError(option, undefined, undefined, detail);
}

/** Runs an action; bad input becomes one stderr line and exit code 2. */
function guarded<A extends unknown[]>(action: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      action(...args);
    } catch (error) {
      if (error instanceof ClvInputError) {
        process.stderr.write(`kept clv: ${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      throw error;
    }
  };
}

function writeOutput(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new ClvInputError(
      path,
      undefined,
      undefined,
      `cannot write the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
    );
  }
}

function fitModel(
  model: ModelName,
  data: SummaryData,
  file: string,
): { json: ClvFitJson; params: Record<string, number> } {
  const started = performance.now();
  let fit: FitResult<BgNbdParams> | FitResult<ParetoNbdParams> | FitResult<GammaGammaParams>;
  if (model === 'gamma-gamma') {
    if (!data.monetary) throw new ClvInputError(file, 1, undefined, 'gamma-gamma needs a monetary column');
    try {
      fit = fitGammaGamma({ x: data.x, monetary: data.monetary });
    } catch (e) {
      throw new ClvInputError(file, undefined, undefined, (e as Error).message);
    }
  } else {
    if (data.x.length === 0) throw new ClvInputError(file, 2, undefined, 'no customers to fit');
    fit = model === 'bgnbd' ? fitBgNbd(data) : fitParetoNbd(data);
  }
  const seconds = (performance.now() - started) / 1000;
  const params = fit.params as unknown as Record<string, number>;
  const se = fit.standardErrors as unknown as Record<string, number>;
  const standardErrors: Record<string, number | null> = {};
  for (const k of PARAM_NAMES[model]) standardErrors[k] = Number.isFinite(se[k]) ? (se[k] as number) : null;
  if (!fit.converged) log(`warning: the ${model} optimiser stopped before converging; treat the estimates with care`);
  return {
    json: {
      model,
      params: { ...params },
      logLikelihood: fit.logLikelihood,
      customers: fit.customers,
      standardErrors,
      seconds,
    },
    params,
  };
}

/** Reads `score --params`: one `fit --json` object, an array of them, or an object of them. */
function readParamsFile(path: string): Partial<Record<ModelName, Record<string, number>>> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ClvInputError(
      path,
      undefined,
      undefined,
      code ? `cannot read the file (${code})` : `not valid JSON (${(e as Error).message})`,
    );
  }
  const items = Array.isArray(raw)
    ? raw
    : raw && typeof raw === 'object' && 'model' in raw
      ? [raw]
      : Object.values(raw ?? {});
  const out: Partial<Record<ModelName, Record<string, number>>> = {};
  items.forEach((item, i) => {
    const where = `item ${i + 1}`;
    if (!item || typeof item !== 'object')
      throw new ClvInputError(
        path,
        undefined,
        undefined,
        `${where}: expected an object like the output of "kept clv fit --json"`,
      );
    const { model, params } = item as { model?: unknown; params?: unknown };
    if (typeof model !== 'string' || !(MODELS as readonly string[]).includes(model)) {
      throw new ClvInputError(path, undefined, undefined, `${where}: "model" must be one of ${MODELS.join(', ')}`);
    }
    const p: Record<string, number> = {};
    for (const name of PARAM_NAMES[model as ModelName]) {
      const v = (params as Record<string, unknown> | undefined)?.[name];
      if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) {
        throw new ClvInputError(path, undefined, undefined, `${where}: params.${name} must be a positive number`);
      }
      p[name] = v;
    }
    out[model as ModelName] = p;
  });
  return out;
}

function formatNumber(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : '';
}

export function registerClvCommands(program: Command): void {
  const clv = program
    .command('clv')
    .description(
      'Customer lifetime value: summarize purchases, fit BG/NBD, Pareto/NBD and Gamma-Gamma, score customers',
    );

  clv
    .command('summarize')
    .description('Purchases (customer_id,date,amount) → one row per customer: customer_id,x,t_x,T,monetary')
    .requiredOption('--input <file>', 'transactions CSV with a header: customer_id,date,amount (more columns allowed)')
    .requiredOption(
      '--end <date>',
      'end of the observation period, YYYY-MM-DD (inclusive; later purchases are ignored)',
    )
    .option('--unit <unit>', 'time unit of t_x and T: days or weeks', 'days')
    .requiredOption('--output <file>', 'summary CSV to write')
    .action(
      guarded((options: { input: string; end: string; unit: string; output: string }) => {
        const end = parseIsoDay(options.end);
        if (end === undefined)
          throw optionError('--end', `${JSON.stringify(options.end)} is not a date in the form YYYY-MM-DD`);
        if (options.unit !== 'days' && options.unit !== 'weeks')
          throw optionError('--unit', `must be days or weeks, got ${JSON.stringify(options.unit)}`);
        const transactions = readTransactionsCsv(options.input);
        const rows = summarizeTransactions(transactions, { end, unit: options.unit as TimeUnit });
        writeOutput(options.output, formatSummaryCsv(rows));
        log(`${transactions.length} purchase rows → ${rows.length} customers written to ${options.output}`);
      }),
    );

  clv
    .command('fit')
    .description('Fit a model by maximum likelihood to a summary CSV (customer_id,x,t_x,T[,monetary])')
    .requiredOption('--model <model>', `one of ${MODELS.join(', ')}`)
    .requiredOption('--input <file>', 'summary CSV')
    .option('--json', 'print one JSON object on stdout')
    .action(
      guarded((options: { model: string; input: string; json?: boolean }) => {
        if (!(MODELS as readonly string[]).includes(options.model))
          throw optionError('--model', `must be one of ${MODELS.join(', ')}, got ${JSON.stringify(options.model)}`);
        const model = options.model as ModelName;
        const data = readSummaryCsv(options.input);
        log(`fitting ${model} to ${data.x.length} customers from ${options.input}…`);
        const { json } = fitModel(model, data, options.input);
        log(`done in ${json.seconds.toFixed(3)} s`);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(json)}\n`);
          return;
        }
        const lines = [
          `model ${json.model}  customers ${json.customers}  log-likelihood ${json.logLikelihood.toFixed(4)}`,
        ];
        for (const k of PARAM_NAMES[model]) {
          const se = json.standardErrors[k];
          lines.push(
            `  ${k.padEnd(6)} ${(json.params[k] as number).toFixed(6).padStart(14)}  (se ${se === null || se === undefined ? 'n/a' : se.toFixed(6)})`,
          );
        }
        process.stdout.write(`${lines.join('\n')}\n`);
      }),
    );

  clv
    .command('score')
    .description('Per customer: expected purchases over the horizon, P(alive), expected spend and discounted CLV')
    .requiredOption('--input <file>', 'summary CSV with a monetary column')
    .requiredOption('--horizon <n>', 'horizon in the summary’s time unit (e.g. 52 for a year of weeks)')
    .option('--discount <rate>', 'discount rate per time unit of the summary', '0')
    .option('--params <file>', 'fitted parameters: output(s) of "kept clv fit --json" (otherwise fitted here)')
    .option('--model <model>', 'purchase model: bgnbd or pareto-nbd', 'bgnbd')
    .requiredOption('--output <file>', 'scores CSV to write')
    .action(
      guarded(
        (options: {
          input: string;
          horizon: string;
          discount: string;
          params?: string;
          model: string;
          output: string;
        }) => {
          const horizon = Number(options.horizon);
          if (!(horizon > 0) || !Number.isFinite(horizon))
            throw optionError('--horizon', `must be a positive number, got ${JSON.stringify(options.horizon)}`);
          const discount = Number(options.discount);
          if (!(discount >= 0) || !Number.isFinite(discount))
            throw optionError('--discount', `must be a number ≥ 0, got ${JSON.stringify(options.discount)}`);
          if (options.model !== 'bgnbd' && options.model !== 'pareto-nbd')
            throw optionError('--model', `must be bgnbd or pareto-nbd, got ${JSON.stringify(options.model)}`);
          const data = readSummaryCsv(options.input);
          if (!data.monetary)
            throw new ClvInputError(
              options.input,
              1,
              undefined,
              'scoring needs a monetary column (customer_id,x,t_x,T,monetary)',
            );
          const given = options.params ? readParamsFile(options.params) : {};
          const purchaseName = options.model as 'bgnbd' | 'pareto-nbd';
          let purchaseParams = given[purchaseName];
          if (!purchaseParams) {
            log(`fitting ${purchaseName} to ${data.x.length} customers…`);
            purchaseParams = fitModel(purchaseName, data, options.input).params;
          }
          let spendParams = given['gamma-gamma'];
          if (!spendParams) {
            log('fitting gamma-gamma to the repeat customers…');
            spendParams = fitModel('gamma-gamma', data, options.input).params;
          }
          const purchase = { model: purchaseName, params: purchaseParams } as unknown as PurchaseModel;
          const scores = scoreCustomers(
            purchase,
            spendParams as unknown as GammaGammaParams,
            { x: data.x, tx: data.tx, T: data.T, monetary: data.monetary },
            { horizon, discountRate: discount },
          );
          const parts = ['customer_id,expected_purchases,p_alive,expected_spend,clv\n'];
          scores.forEach((s, i) => {
            const id = data.customerId[i] as string;
            const quoted = /[",\r\n]/.test(id) ? `"${id.replace(/"/g, '""')}"` : id;
            parts.push(
              `${quoted},${formatNumber(s.expectedPurchases)},${formatNumber(s.pAlive)},${formatNumber(s.expectedSpend)},${formatNumber(s.clv)}\n`,
            );
          });
          writeOutput(options.output, parts.join(''));
          log(
            `${scores.length} customers scored with ${purchaseName} + gamma-gamma over ${horizon} time units → ${options.output}`,
          );
        },
      ),
    );
}
