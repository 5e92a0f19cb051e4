#!/usr/bin/env node
// Entry point of the `peakdesk` bin: registers the TypeScript loader, then runs the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../sim/cli.ts');
