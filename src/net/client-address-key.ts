import net from 'node:net';

/**
 * The key a client's address is counted under by per-address limits (SMTP connections, login
 * failures). An IPv4 address is itself (also when it arrives IPv4-mapped, "::ffff:1.2.3.4", from a
 * dual-stack socket). An IPv6 address counts by its /64: one subscriber is usually handed a whole
 * /64, so counting single addresses would give one client 2^64 separate allowances.
 */
export function clientAddressKey(address: string): string {
  const bare = address.trim().toLowerCase();
  const ipv4 = bare.startsWith('::ffff:') ? bare.slice('::ffff:'.length) : bare;
  if (net.isIPv4(ipv4)) return ipv4;
  const withoutZone = bare.split('%')[0]!;
  if (!net.isIPv6(withoutZone)) return bare;
  return `${ipv6Groups(withoutZone).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, as short lowercase hex. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::') as [string, string | undefined];
  // A dotted IPv4 tail ("::ffff:1.2.3.4") stands for two groups.
  const groupsOf = (part: string) =>
    part === '' ? [] : part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g]));
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16).toString(16));
}
