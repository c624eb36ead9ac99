// stryker.files.config.mjs plus the "stream" reporter (scripts/stryker-stream-reporter.mjs):
//   STRYKER_STREAM_DIR=<dir> STRYKER_FILES=… STRYKER_NAME=… npx stryker run stryker.stream.config.mjs
import files from './stryker.files.config.mjs';

export default { ...files, plugins: ['@stryker-mutator/*', './scripts/stryker-stream-reporter.mjs'], reporters: [...files.reporters, 'stream'] };
