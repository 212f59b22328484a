/** A file's text, through Vite's `?raw` suffix (tests read wrangler.toml this way). */
declare module "*?raw" {
  const content: string;
  export default content;
}
