// Taking an upload in (issue 17): the file is read whole and stored with a queued `imports` row
// and the job that will run it, in one transaction, before the upload is answered (202): an
// accepted upload is never lost, and the request does not wait for the import.
import type { Readable } from 'node:stream';
import { importUploads, imports } from '../db/schema-retention.ts';
import type { Db } from '../db/open-database.ts';
import type { DeskContext } from '../kernel/desk-context.ts';
import { IMPORT_JOB } from '../kernel/job-names.ts';
import type { CsvField, ImportFormat } from './import-rows.ts';

export interface AcceptedImport {
  id: string;
  status: 'queued';
}

export async function acceptImport(
  ctx: DeskContext,
  options: {
    workspaceId: string;
    format: ImportFormat;
    source: string;
    input: Readable;
    map?: Partial<Record<CsvField, string>>;
    skipBadRows: boolean;
    createdBy: string | null;
  },
): Promise<AcceptedImport> {
  const chunks: Buffer[] = [];
  for await (const chunk of options.input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const content = Buffer.concat(chunks);
  const id = await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [row] = await tx
      .insert(imports)
      .values({
        workspaceId: options.workspaceId,
        format: options.format,
        source: options.source.slice(0, 300),
        status: 'queued',
        createdBy: options.createdBy,
        startedAt: ctx.now(),
        bytesTotal: content.length,
      })
      .returning({ id: imports.id });
    const importId = row!.id;
    await tx.insert(importUploads).values({
      importId,
      workspaceId: options.workspaceId,
      content,
      options: { ...(options.map ? { map: options.map } : {}), skipBadRows: options.skipBadRows },
    });
    await ctx.timers.schedule(tx, {
      name: IMPORT_JOB.run,
      payload: { workspaceId: options.workspaceId, importId },
      startAfter: ctx.now(),
    });
    return importId;
  });
  return { id, status: 'queued' };
}
