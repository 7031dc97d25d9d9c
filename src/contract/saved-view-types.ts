// Saved views (issue 16): a named set of the case list's filters, with a live count beside the queues.

/** One saved view and how many cases it holds now. */
export interface SavedViewView {
  id: string;
  name: string;
  /** Shared with the whole workspace (written by supervisors and admins), else the caller's own. */
  shared: boolean;
  /** Whether the caller may rename or delete it. */
  editable: boolean;
  /** The case list's query as `GET /cases` takes it: `{ view: 'open', status: 'new,open', q: 'refund' }`. */
  filters: Record<string, string>;
  /** The cases it holds, counted up to `SAVED_VIEW_COUNT_CAP`; `more` when there are more. */
  count: number;
  more: boolean;
  updatedAt: string;
}

/** `GET /api/v1/saved-views`: the shared views and the caller's own, by name. */
export interface SavedViewListResponse {
  views: SavedViewView[];
}
