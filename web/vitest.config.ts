import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  // The web app's one door into the server's code: the shared contract (types and domain words).
  resolve: { alias: { '@kept/contract': fileURLToPath(new URL('../src/contract', import.meta.url)) } },
  test: {
    name: 'web',
    environment: 'happy-dom',
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    // Component tests that type into forms take 2 s alone and three times that when the test
    // suite shares the machine's two cores with the integration workers: 5 s was a coin toss.
    testTimeout: 20_000,
  },
});
