// A person's own preferences (issue 16), kept on the server: `GET/PUT /api/v1/me/preferences`.

/** How the case timeline and its promises column read for this person. */
export interface TimelinePreferences {
  /** The newest item at the top (the composer is docked, so the latest is beside it). */
  newestFirst: boolean;
  /** Events and Kept's own acknowledgements hidden: people's words only. */
  hideSystem: boolean;
  /** Kept promises folded under one line in the promises column. */
  foldKeptPromises: boolean;
}

export interface UserPreferences {
  timeline: TimelinePreferences;
}
