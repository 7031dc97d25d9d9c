/** Resolves when `check` is true, polling the event loop every 20 ms (no time is asserted; `ms` only gives up). */
export async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
