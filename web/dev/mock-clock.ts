// The mock API's "now": every fixture's times are minutes before or after the page loaded.
export const now = Date.now();
export const ago = (min: number) => new Date(now - min * 60000).toISOString();
export const ahead = (min: number) => new Date(now + min * 60000).toISOString();
