// API.md's ballot files, read and written, BLT files read, and option names compared; shared by the
// app and the command-line tally.
export { BallotFileError, MAX_ROW_COUNT, parseBallotFile } from './parse.js';
export type { ParsedBallotFile, RejectedRow } from './parse.js';
export { writeBallotFile } from './write.js';
export type { WriteOptions } from './write.js';
export { findLookAlikes, nameSkeleton, normaliseName } from './names.js';
export { looksLikeBlt, parseBltFile } from './blt.js';
export type { ParsedBltFile } from './blt.js';
export { rankingKey, traceTable } from './trace.js';
export type { TraceTableOptions } from './trace.js';
export { CsvReadError, decodeCsv, detectSeparator, readCsv } from './csv-reader.js';
export type { CsvEncoding, CsvRow, CsvSeparator, CsvTable } from './csv-reader.js';
