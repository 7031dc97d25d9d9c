import { defineConfig } from 'drizzle-kit';

// Migrations are generated once and applied to PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  // Each feature may keep its tables in src/db/schema-<feature>.ts; one migration history for all.
  schema: './src/db/schema*.ts',
  out: './src/db/migrations',
});
