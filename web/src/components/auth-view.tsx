import { useRef, useState } from "preact/hooks";
import { logIn, register } from "../api/endpoints";
import { startSession, takeExpired } from "../api/session";
import { useI18n } from "../i18n";
import { describeProblem } from "../messages";
import { ApiProblem } from "../api/client";

/** The registration rule (src/routes/auth.ts): checked here too, so the member hears it before a round trip. */
const MIN_PASSWORD = 10;

export function AuthView() {
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  // A session that ran out (rather than a log out) is said so, once.
  const [error, setError] = useState<unknown>(() => (takeExpired() ? new ApiProblem({ status: 401, code: "unauthorized" }) : null));
  const [working, setWorking] = useState(false);

  const submit = async (mode: "login" | "register") => {
    if (!form.current?.reportValidity()) return;
    if (mode === "register" && password.length < MIN_PASSWORD) {
      setError(new ApiProblem({ status: 422, code: "validation_failed" }));
      return;
    }
    setWorking(true);
    setError(null);
    try {
      startSession(mode === "login" ? await logIn(email.trim(), password) : await register(email.trim(), password));
    } catch (problem) {
      setError(problem);
      setWorking(false);
    }
  };

  const message =
    error instanceof ApiProblem && error.code === "validation_failed" ? t("error.invalidAccount") : error ? describeProblem(error, t) : "";

  return (
    <main class="auth" id="main">
      <h2>{t("auth.heading")}</h2>
      <p class="hint">{t("app.tagline")}</p>
      <form
        ref={form}
        onSubmit={(event) => {
          event.preventDefault();
          void submit("login");
        }}
      >
        <label for="email">{t("auth.email")}</label>
        <input id="email" type="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        <label for="password">{t("auth.password")}</label>
        <input
          id="password"
          type="password"
          autocomplete="current-password"
          required
          aria-describedby="password-hint"
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <p id="password-hint" class="hint">
          {t("auth.passwordHint")}
        </p>
        <p role="alert" class="error">
          {message}
        </p>
        <div class="actions">
          <button type="submit" disabled={working}>
            {t("auth.login")}
          </button>
          <button type="button" class="secondary" disabled={working} onClick={() => void submit("register")}>
            {t("auth.register")}
          </button>
        </div>
        {working && <p role="status">{t("auth.working")}</p>}
      </form>
    </main>
  );
}
