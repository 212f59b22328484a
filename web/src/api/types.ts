/**
 * The API's request and response shapes, as the server declares them (src/api). Types only: nothing of zod reaches the
 * browser bundle, and the app cannot drift from what the routes validate and send.
 */
export type {
  ChatBody,
  ChatEvent,
  Citation,
  DocumentInfo,
  Job,
  JobEvent,
  JobStatus,
  Problem,
  SessionDetail,
  SessionSummary,
  StoredMessage,
  TokenResponse,
  UploadAccepted,
  User,
} from "../../../src/api/index.ts";
