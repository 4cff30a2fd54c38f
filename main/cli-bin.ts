#!/usr/bin/env node
/**
 * The `cognito-desktop` command (the package's `bin`). Scripts run it many times a minute
 * (`$(cognito-desktop token)`), so it starts the way that costs least: Node's compile cache
 * first (code compiled once is read back from disk on later runs), then the CLI itself.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache?.();
const { main } = await import('./cli.ts');
await main();
