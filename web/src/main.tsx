import { render } from "preact";
import "../styles.css";
import { resumeSession } from "./api/session";
import { App } from "./app";

const root = document.getElementById("app");
// The access token is kept in memory only, so a reload first trades the refresh cookie for one (a single request).
if (root) void resumeSession().finally(() => render(<App />, root));
