// Side-effect import: installs the `vscode` stub. Import it before any module that imports
// 'vscode' (CommonJS keeps import order), e.g. `import './installStub';` first.
import { installVscodeStub } from './vscodeStub';

installVscodeStub();
