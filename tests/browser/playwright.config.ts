import { defineConfig } from '@playwright/test';

export const BROWSER_TEST_PORT = Number(process.env.KEPT_BROWSER_TEST_PORT ?? 3999);
const baseURL = `http://127.0.0.1:${BROWSER_TEST_PORT}`;

// Debian's Chromium: no browser download works on these machines.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  globalSetup: './global-setup.ts',
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  outputDir: '../../test-results/browser',
  webServer: {
    // A fresh embedded database for every run, with the built web app.
    command: `bash tests/browser/start-test-server.sh ${BROWSER_TEST_PORT}`,
    cwd: '../..',
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
