import files from './stryker.files.config.mjs';
export default { ...files, plugins: ['@stryker-mutator/*', './scripts/stryker-stream-reporter.mjs'], reporters: [...files.reporters, 'stream'] };
