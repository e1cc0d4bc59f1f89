// EJS templates, compiled so that each reads its locals as plain variables. EJS's default wraps a
// template in `with (locals)`, which keeps V8 from optimising it: measured here, a render took
// about 3.3 times as long. Each template is compiled with the names it uses taken from the locals
// instead (EJS's destructuredLocals), and includes go through the same compilation.
import ejs from 'ejs';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** A compiled template: synchronous, so a render returns its HTML. */
type Compiled = ejs.TemplateFunction;
type Include = (name: string, extra?: object) => string;

/** Names a template may use that are not its locals. */
const NOT_LOCALS = new Set([
  // JavaScript's own words.
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'export',
  'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'let', 'new', 'null', 'of', 'return',
  'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'arguments', 'async',
  'static', 'enum', 'implements', 'interface', 'package', 'private', 'protected', 'public',
  // What EJS's compiled function defines itself.
  'locals', 'escapeFn', 'rethrow', '__output', '__append', '__line', '__lines', '__filename', '__locals',
]);

const SCRIPTLET = /<%[_=\-#]?([\s\S]*?)[_-]?%>/g;
const IDENTIFIER = /(?<![\w$.])[A-Za-z_$][\w$]*/g;

/**
 * Every identifier in the template's code that could be one of its locals. Too many does no
 * harm (a name that is not in the locals is undefined); a global or a name EJS defines is left
 * out, since destructuring it would hide it.
 */
function namesUsed(source: string): string[] {
  const names = new Set<string>();
  for (const [, code] of source.matchAll(SCRIPTLET)) {
    for (const [name] of (code ?? '').matchAll(IDENTIFIER)) {
      if (!NOT_LOCALS.has(name) && !(name in globalThis)) names.add(name);
    }
  }
  // EJS's own include would compile the partial with this template's names: the locals bring one
  // that compiles each template with its own (a `var` in the compiled code may replace a parameter).
  names.add('include');
  return [...names].sort();
}

function compile(file: string): Compiled {
  const source = readFileSync(file, 'utf8');
  const names = namesUsed(source);
  for (;;) {
    try {
      return ejs.compile(source, { filename: file, compileDebug: true, async: false, _with: false, destructuredLocals: names, escape: escapeHtml });
    } catch (error) {
      // A name the template declares at its top level is its own variable, not a local: it is
      // left out, and the template compiled again.
      const declared = error instanceof SyntaxError ? /Identifier '([\w$]+)' has already been declared/.exec(error.message)?.[1] : undefined;
      if (!declared || !names.includes(declared)) throw error;
      names.splice(names.indexOf(declared), 1);
    }
  }
}

const SPECIAL = /[&<>'"]/;

/**
 * EJS's escaping, sooner done for the many values that need none: a page escapes a few hundred,
 * and a test is cheaper than a replacement that finds nothing to replace.
 */
export function escapeHtml(value: unknown): string {
  if (value == null) return '';
  const text = String(value);
  return SPECIAL.test(text) ? ejs.escapeXML(text) : text;
}

export interface Views {
  /** Express's engine function. */
  render(file: string, data: object, done: (err: Error | null, html?: string) => void): void;
}

/** Compiled once per process: the templates do not change while it runs (but in development). */
const compiled = new Map<string, Compiled>();

/**
 * Templates of the `root` folder; includes name their file from it ('/partials/header'). With
 * `cache`, each is compiled once, all of them up front, so that a template that does not compile
 * stops the server at start rather than a page later; without it (development), at every render.
 */
export function createViews(root: string, cache: boolean): Views {
  const templateOf = (file: string): Compiled => {
    let fn = cache ? compiled.get(file) : undefined;
    if (!fn) {
      fn = compile(file);
      if (cache) compiled.set(file, fn);
    }
    return fn;
  };
  const files = new Map<string, string>();
  const fileOf = (name: string): string => {
    let file = files.get(name);
    if (file === undefined) files.set(name, (file = path.join(root, name.endsWith('.ejs') ? name : `${name}.ejs`)));
    return file;
  };
  const renderFile = (file: string, data: object): string => {
    const include: Include = (name, extra) => renderFile(fileOf(name), extra ? { ...data, ...extra } : data);
    return templateOf(file)({ ...data, include });
  };
  if (cache) for (const file of templatesIn(root)) templateOf(file);
  return {
    render(file, data, done) {
      let html: string;
      try {
        html = renderFile(file, data);
      } catch (error) {
        done(error as Error);
        return;
      }
      done(null, html);
    },
  };
}

function templatesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return templatesIn(full);
    return name.endsWith('.ejs') ? [full] : [];
  });
}
