/** A canned reply as Settings lists it (`/api/v1/canned-replies`). */
export interface CannedReplyView {
  id: string;
  title: string;
  /** The text with its placeholders: {{customer_name}}, {{case_reference}}, {{quoted_time}}, {{agent_name}}. */
  body: string;
  /** The customer language it is written in. */
  language: string;
  /** Shared with the workspace (supervisors and admins edit it), or personal to its owner. */
  shared: boolean;
  /** Whether the caller may change or delete it. */
  editable: boolean;
  updatedAt: string;
}

export interface CannedReplyListResponse {
  replies: CannedReplyView[];
}

/** A canned reply filled in for one case, ready to insert in the composer. */
export interface FilledCannedReply {
  id: string;
  title: string;
  language: string;
  shared: boolean;
  text: string;
  /** Placeholders this case had no value for (no quoted time yet): left out of `text`. */
  missing: string[];
}

export interface CaseCannedRepliesResponse {
  /** The customer's language: replies in it come first. */
  language: string | null;
  replies: FilledCannedReply[];
}
