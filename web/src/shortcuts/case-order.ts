import { useHotkeys } from '@mantine/hooks';
import { useNavigate } from 'react-router';

const ORDER_KEY = 'kept.caseOrder';
/** Letters by their place on the keyboard, so j/k work on Arabic, Hebrew and Russian layouts too. */
export const PHYSICAL = { preventDefault: true, usePhysicalKeys: true } as const;

/** The queue last shown, in its order: j and k on a case page walk through it. */
export function rememberCaseOrder(caseIds: readonly string[]): void {
  const unique = [...new Set(caseIds)];
  try {
    sessionStorage.setItem(ORDER_KEY, JSON.stringify(unique));
  } catch {
    // Private windows may refuse storage; the shortcuts then simply have no queue to walk.
  }
}

function readCaseOrder(): string[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(ORDER_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** The case `step` places from `current` in the remembered queue, or null at either end or off the list. */
export function neighbourCase(order: readonly string[], current: string, step: 1 | -1): string | null {
  const at = order.indexOf(current);
  if (at < 0) return null;
  return order[at + step] ?? null;
}

/** On a case page: j opens the next case of the queue the agent came from, k the previous one. */
export function useCaseNavigationKeys(caseId: string): void {
  const navigate = useNavigate();
  const go = (step: 1 | -1) => {
    // The address, not the render: a key pressed right after the last j/k (before this page re-rendered
    // for the new case) still steps from the case now shown.
    const shown = /\/app\/cases\/([^/?#]+)/.exec(window.location.pathname)?.[1];
    const next = neighbourCase(readCaseOrder(), shown ? decodeURIComponent(shown) : caseId, step);
    if (next) void navigate(`/app/cases/${encodeURIComponent(next)}`);
  };
  useHotkeys([
    ['j', () => go(1), PHYSICAL],
    ['k', () => go(-1), PHYSICAL],
  ]);
}
