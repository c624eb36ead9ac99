// Names the pre-commit hook and its installer share (the hook bundle stays small).

/** The hook that was there before ours, renamed beside it: pre-commit.iamkeys-previous. */
export const CHAINED_HOOK_SUFFIX = '.iamkeys-previous';
/** In the hook's first lines (the bundle's banner): tells our hook from someone else's. */
export const HOOK_MARKER = 'iam-access-keys pre-commit hook';
