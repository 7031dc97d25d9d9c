import { useEffect, useRef } from 'react';
import { subscribeLive, type LiveNotice } from '../api/live-api.ts';

/** Gathers a burst of notices (an intake writes several events) into one refetch. */
const GATHER_MS = 120;

/** Which notices concern a screen: every change of the desk unless it says otherwise. */
export type LiveMatch = (notice: LiveNotice) => boolean;
export const anyDeskChange: LiveMatch = (notice) => notice.kind === 'desk';
export const changeOfCase =
  (caseId: string): LiveMatch =>
  (notice) =>
    notice.kind === 'desk' && notice.caseId === caseId;

/**
 * Refetches a screen's data when the server says something it shows changed, on any instance
 * (issue 16). A `resync` (the stream was lost and is back) always refetches.
 */
export function useLiveReload(reload: () => void, match: LiveMatch = anyDeskChange): void {
  const matchRef = useRef(match);
  matchRef.current = match;
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = subscribeLive((notice) => {
      if (notice.kind !== 'resync' && !matchRef.current(notice)) return;
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        reloadRef.current();
      }, GATHER_MS);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, []);
}
