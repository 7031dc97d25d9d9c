// The domain words (statuses, roles, channels…) as the web app sees them: the contract is the one
// door from the web app into the server's code, so the kernel's words pass through here.
export * from '../kernel/domain-words.ts';
