#!/usr/bin/env node
// The `zorginkoop` command. Runs the compiled CLI (dist/, built by `npm start` or `npm run build`);
// in a checkout without a build it runs the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
