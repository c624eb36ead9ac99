// Which files of the journal folder are rotation records. Apart from rotationJournal.ts so that
// activation (src/lazyFeatures.ts) can look for a record without loading the journal.
export const JOURNAL_FILE_PATTERN = /^rotation-[A-Za-z0-9-]+\.json$/;
