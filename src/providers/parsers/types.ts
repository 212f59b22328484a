import type { DocumentKind, ParsedDocument } from "../../ingestion/types";

export interface DocumentParser {
  readonly name: string;
  /** Throws `IngestionError` (see src/ingestion/errors.ts) with a code a person can act on. */
  parse(bytes: Uint8Array, kind: DocumentKind, filename: string): Promise<ParsedDocument>;
}
