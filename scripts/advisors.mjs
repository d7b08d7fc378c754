// supabase db advisors (Supabase's splinter lints) against the local database: any ERROR or
// WARN fails; INFO findings are counted (see them with npx supabase db advisors). The `tests`
// schema holds pgTAP helpers only (never deployed) and is left out.
import path from 'node:path';
import { dbUrl, root } from './lib/config.mjs';
import { StackError, done, main } from './lib/log.mjs';
import { run } from './lib/run.mjs';

export function checkAdvisors() {
  const result = run(path.join(root, 'node_modules/.bin/supabase'),
    ['db', 'advisors', `--remote=${dbUrl()}`, '--level', 'info', '--type', 'all'], { cwd: root });
  const start = result.stdout.indexOf('[');
  const findings = start < 0 ? [] : JSON.parse(result.stdout.slice(start));
  const relevant = findings.filter((f) => f.metadata?.schema !== 'tests');
  const failing = relevant.filter((f) => f.level === 'ERROR' || f.level === 'WARN');
  if (failing.length > 0) {
    throw new StackError(`db advisors: ${failing.length} finding(s):\n  ${failing.map((f) => `${f.level} ${f.name}: ${f.detail}`).join('\n  ')}`);
  }
  return relevant.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(async () => done(`db advisors: no ERROR or WARN (${checkAdvisors()} info)`));
}
