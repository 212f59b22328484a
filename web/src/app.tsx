import { useEffect, useMemo, useState } from "preact/hooks";
import { currentSession, onSessionChange, type Session } from "./api/session";
import { AuthView } from "./components/auth-view";
import { Header } from "./components/header";
import { Workspace } from "./components/workspace";
import { I18nContext, initialLang, saveLang, translate, type I18n, type Lang } from "./i18n";

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [session, setSession] = useState<Session | null>(currentSession);

  useEffect(() => onSessionChange(setSession), []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, "app.title");
  }, [lang]);

  const i18n = useMemo<I18n>(
    () => ({
      lang,
      t: (key, params) => translate(lang, key, params),
      setLang: (next) => {
        saveLang(next);
        setLang(next);
      },
    }),
    [lang],
  );

  return (
    <I18nContext.Provider value={i18n}>
      <Header user={session?.user ?? null} />
      {/* A new member id remounts the workspace, so nothing of a previous member's state survives a switch. */}
      {session ? <Workspace key={session.user.id} /> : <AuthView />}
    </I18nContext.Provider>
  );
}
