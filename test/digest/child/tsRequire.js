/**
 * Runs a TypeScript entry file in a plain node child process: .ts files are transpiled on the fly with
 * typescript's transpileModule (no type check, no build step), so the child runs the same source the
 * tests do even while other parts of the tree do not compile yet.
 *   node tsRequire.js <entry.ts>
 */
const fs = require('fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const out = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, resolveJsonModule: true, sourceMap: false },
  });
  module._compile(out.outputText, filename);
};

require(require('path').resolve(process.argv[2]));
