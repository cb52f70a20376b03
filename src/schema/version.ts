// The plan file's name and version, without the schema (the exporter needs only these,
// and zod loads only when a file is read).
export const FILE_FORMAT = 'solfjadern-plan';
export const FILE_VERSION = 6;
