export function caseReference(number: number): string {
  return `K-${number}`;
}

/** Finds a reference like "K-1042" or "[#K-1042]" in free text (subjects, portal links). */
export function parseCaseReference(text: string): number | null {
  const match = /\bK-(\d{1,12})\b/.exec(text);
  return match ? Number(match[1]) : null;
}
