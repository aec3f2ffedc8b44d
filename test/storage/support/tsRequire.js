/**
 * Lets a plain `node` child process require the project's TypeScript sources: each .ts file is
 * transpiled on load with the installed typescript compiler (no type check, no build step).
 * Child processes need this because only a separate process can be SIGKILLed mid-write.
 */
const fs = require('fs');
const ts = require('typescript');

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};
