// The fallback of a group commit (intake's and inbound e-mail's): a group goes as one
// statement, and if the store refuses it, nothing of it was written, so each member is tried
// again on its own — the one the store refuses fails alone, the others are written.

export interface GroupMember<R> {
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/** Writes `group` with one call of `write` (results in the group's order), or member by member if that call fails. */
export async function writeGroupOrEach<M extends GroupMember<R>, R>(
  group: M[],
  write: (members: M[]) => Promise<R[]>,
): Promise<void> {
  try {
    const results = await write(group);
    group.forEach((member, i) => member.resolve(results[i]!));
    return;
  } catch (error) {
    if (group.length === 1) return group[0]!.reject(error);
  }
  await Promise.all(
    group.map((member) =>
      write([member]).then(
        (results) => member.resolve(results[0]!),
        (error: unknown) => member.reject(error),
      ),
    ),
  );
}
