/**
 * A problem with what `npm run catalog -- import` was given to read, or with the catalog it would
 * merge into: the message names the file and line where it can, and how to fix it. Exit status 1.
 */
export class CatalogImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogImportError';
  }
}

/** A mistake on the command line (a missing subcommand or path, an unknown option); exit status 2. */
export class CatalogUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogUsageError';
  }
}
