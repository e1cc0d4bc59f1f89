// API.md's ballot files, read and written; shared by the app and the command-line tally.
export { BallotFileError, MAX_ROW_COUNT, parseBallotFile } from './parse.js';
export type { ParsedBallotFile, RejectedRow } from './parse.js';
export { writeBallotFile } from './write.js';
export type { WriteOptions } from './write.js';
export { CsvReadError, decodeCsv, detectSeparator, readCsv } from './csv-reader.js';
export type { CsvEncoding, CsvRow, CsvSeparator, CsvTable } from './csv-reader.js';
