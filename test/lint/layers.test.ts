// The layering of STYLE.md §1 is held by ESLint's no-restricted-imports (eslint.config.js), which
// `npm run lint` runs in CI: these tests show that the rule fires on a forbidden import in each
// folder, and stays quiet on an allowed one.
import { expect } from 'chai';
import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function restrictedImports(file: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const CASES: readonly { file: string; forbidden: readonly string[]; allowed: readonly string[] }[] = [
  {
    file: 'server/tally/example.ts',
    forbidden: ["import { x } from '../config.js';", "import type { x } from '../data/database.js';", "export { x } from '../domain/deps.js';"],
    allowed: ["import { x } from './types.js';", "import { x } from 'node:assert';"],
  },
  {
    file: 'server/tally/methods/example.ts',
    forbidden: ["import { x } from '../../i18n/languages.js';"],
    allowed: ["import { x } from '../types.js';"],
  },
  {
    file: 'server/ballot-files/example.ts',
    forbidden: ["import { x } from '../domain/ballots.js';", "import { x } from '../data/ballots.js';", "import { x } from '../../test/helpers/context.js';"],
    allowed: ["import { x } from '../tally/types.js';", "import { x } from './parse.js';", "import { x } from 'csv-parse';"],
  },
  {
    file: 'server/data/example.ts',
    forbidden: ["import type { x } from '../domain/deps.js';", "import { x } from '../http/auth.js';", "import { x } from '../cli/admin.js';"],
    allowed: ["import { x } from './database.js';", "import type { x } from '../tally/index.js';", "import { x } from '../i18n/languages.js';"],
  },
  {
    file: 'server/domain/surveys/example.ts',
    forbidden: ["import { x } from '../../http/views.js';", "import { x } from '../../cli/tally.js';"],
    allowed: ["import { x } from '../../data/surveys.js';", "import { x } from '../deps.js';", "import { x } from './model.js';"],
  },
];

describe('lint: layers', function () {
  this.timeout(60_000);

  for (const { file, forbidden, allowed } of CASES) {
    for (const source of forbidden) {
      it(`refuses in ${file}: ${source}`, async () => {
        expect(await restrictedImports(file, source)).to.have.length(1);
      });
    }
    for (const source of allowed) {
      it(`allows in ${file}: ${source}`, async () => {
        expect(await restrictedImports(file, source)).to.deep.equal([]);
      });
    }
  }
});
