import { eq } from 'drizzle-orm';
import type { Store } from '../db/open-database.ts';
import { workspaces } from '../db/schema.ts';
import { KeptError } from '../errors/kept-error.ts';

/** The workspace a command acts on: --workspace <slug>, or the only one there is. */
export async function workspaceIdFor(store: Store, slug: string | undefined): Promise<string> {
  const rows = slug
    ? await store.db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, slug))
    : await store.db.select({ id: workspaces.id }).from(workspaces).limit(2);
  if (rows.length === 0)
    throw new KeptError(
      'not_found',
      slug ? `No workspace "${slug}"` : 'No workspace yet: open the web app or run `kept demo`',
    );
  if (rows.length > 1)
    throw new KeptError('request.invalid', 'Several workspaces: name one with --workspace <slug>', {
      field: 'workspace',
    });
  return rows[0]!.id;
}
