import { describe, expect, it } from 'vitest';
import { readPublishedCdnowSummary } from './cdnow-fixture.ts';
import { fitParetoNbdInWorker, startParetoNbdWorker } from './fit-pareto-nbd-in-worker.ts';
import { fitParetoNbd } from './pareto-nbd.ts';

describe('Pareto/NBD on a worker thread', () => {
  it('gives the fit of the main thread (CDNOW, published parameters)', async () => {
    const cdnow = readPublishedCdnowSummary();
    const columns = { x: cdnow.x, tx: cdnow.tx, T: cdnow.T, weight: new Float64Array(cdnow.x.length).fill(1) };
    const here = fitParetoNbd(columns, { standardErrors: false });
    const there = await fitParetoNbdInWorker(columns, { workerAbove: 0 });
    expect(there.ranOn).toBe('worker');
    expect(there.params).toEqual(here.params);
    expect(there.params.r).toBeCloseTo(0.5534, 3);
    expect(there.logLikelihood).toBeCloseTo(-9594.98, 1);
  });

  it('can be started before its data is there, and closed unused', async () => {
    const cdnow = readPublishedCdnowSummary();
    const columns = { x: cdnow.x, tx: cdnow.tx, T: cdnow.T, weight: new Float64Array(cdnow.x.length).fill(1) };
    const worker = startParetoNbdWorker();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const there = await worker.fit(columns, { workerAbove: 0 });
    worker.close();
    expect(there.ranOn).toBe('worker');
    expect(there.params).toEqual(fitParetoNbd(columns, { standardErrors: false }).params);
    startParetoNbdWorker().close();
  });

  it('fits small data in this thread, where a worker would cost more than the fit', async () => {
    const cdnow = readPublishedCdnowSummary();
    const small = await fitParetoNbdInWorker({
      x: cdnow.x,
      tx: cdnow.tx,
      T: cdnow.T,
      weight: new Float64Array(cdnow.x.length).fill(1),
    });
    expect(small.ranOn).toBe('main');
    expect(small.params.r).toBeCloseTo(0.5534, 3);
  });
});
