// Runs one scenario of ./scenarios by name: `node browser/run.mjs <name>`. Exits 0 when it passed.
import { withPage } from './harness.mjs';

const name = process.argv[2];
if (!name || !/^[a-z-]+$/.test(name)) {
  console.error('usage: node browser/run.mjs <scenario>');
  process.exit(2);
}

try {
  const { default: scenario } = await import(`./scenarios/${name}.mjs`);
  await withPage(name, scenario);
  console.log(`scenario ${name} passed`);
} catch (failure) {
  console.error(failure instanceof Error ? (failure.stack ?? failure.message) : failure);
  process.exit(1);
}
