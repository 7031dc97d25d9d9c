import type { Command } from 'commander';
export function registerClvCommands(_program: Command): void {}
