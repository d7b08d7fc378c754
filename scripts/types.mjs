// The TypeScript types of the exposed schemas (supabase gen types typescript).
// Usage: node scripts/types.mjs          → writes types/database.ts
//        node scripts/types.mjs --check  → fails when the committed file differs from the database
import fs from 'node:fs';
import path from 'node:path';
import { dbUrl, root } from './lib/config.mjs';
import { StackError, done, main } from './lib/log.mjs';
import { run } from './lib/run.mjs';

export const typesFile = path.join(root, 'types/database.ts');

export function generateTypes() {
  const result = run(path.join(root, 'node_modules/.bin/supabase'),
    ['gen', 'types', 'typescript', `--remote=${dbUrl()}`, '--schema', 'prompty,parky'], { cwd: root });
  return result.stdout;
}

export function checkTypes() {
  const committed = fs.existsSync(typesFile) ? fs.readFileSync(typesFile, 'utf8') : '';
  if (generateTypes() !== committed) {
    throw new StackError('types/database.ts does not match the database', 'run npm run types and commit the result');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(async () => {
    if (process.argv.includes('--check')) {
      checkTypes();
      done('types/database.ts matches the database');
    } else {
      fs.mkdirSync(path.dirname(typesFile), { recursive: true });
      fs.writeFileSync(typesFile, generateTypes());
      done(`wrote ${path.relative(root, typesFile)}`);
    }
  });
}
