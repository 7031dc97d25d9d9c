import { getTableColumns } from 'drizzle-orm';
import { messages } from '../db/schema.ts';

/**
 * A message's columns without its search words (issue 16): the words are for the index, and reading
 * them back would double what a timeline reads.
 */
const { searchVector, ...columns } = getTableColumns(messages);
void searchVector;
export const messageColumns = columns;
