// API tokens for integrations: listed without their secret (shown once, at creation) and revocable.

/** One API token, as an admin audits it. */
export interface ApiTokenView {
  id: string;
  name: string;
  /** Whose rights the token acts with: the admin who created it. */
  userId: string;
  userName: string;
  /** Written at most once a minute; null when never used. */
  lastUsedAt: string | null;
  createdAt: string;
}

/** `GET /api/v1/tokens`: the workspace's tokens, newest first. */
export interface ApiTokenListResponse {
  tokens: ApiTokenView[];
}
