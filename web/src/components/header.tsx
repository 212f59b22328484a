import { logOut } from "../api/session";
import type { User } from "../api/types";
import { LANGS, useI18n, type Lang } from "../i18n";

export function Header({ user }: { user: User | null }) {
  const { t, lang, setLang } = useI18n();
  return (
    <header class="topbar">
      <h1 class="brand">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        {t("app.title")}
      </h1>
      <div class="topbar-tools">
        <label class="lang">
          <span>{t("lang.label")}</span>
          <select value={lang} onChange={(event) => setLang(event.currentTarget.value as Lang)}>
            {LANGS.map((option) => (
              <option key={option.code} value={option.code} lang={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        </label>
        {user && (
          <>
            <span class="who" title={t("auth.signedInAs", { email: user.email })}>
              {user.email}
            </span>
            <button type="button" class="secondary" title={t("auth.signedInAs", { email: user.email })} onClick={() => void logOut()}>
              {t("auth.logout")}
            </button>
          </>
        )}
      </div>
    </header>
  );
}
