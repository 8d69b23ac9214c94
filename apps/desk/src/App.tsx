import { useEffect, useMemo, useState } from 'preact/hooks';
import { createApi, type ApiClient, type DeskUrls } from './api';
import { I18n, preferredLocale, translator, type Locale, type MessageKey } from './i18n';
import { may, session, type Whoami } from './session';
import { AdminView } from './views/AdminView';
import { SearchView } from './views/SearchView';
import { SignIn } from './views/SignIn';
import { StoryView } from './views/StoryView';
import { WireView } from './views/WireView';
import { WriteView } from './views/WriteView';

type View = 'write' | 'story' | 'search' | 'wire' | 'admin';

/** Which view needs which scope; search and the story view only read. */
const VIEWS: Array<{ view: View; label: MessageKey; scope?: string }> = [
  { view: 'write', label: 'nav.write', scope: 'submit' },
  { view: 'story', label: 'nav.story' },
  { view: 'search', label: 'nav.search' },
  { view: 'wire', label: 'nav.wire', scope: 'wire' },
  { view: 'admin', label: 'nav.admin', scope: 'admin' },
];

export function App({ urls, fetcher }: { urls: DeskUrls; fetcher?: typeof fetch }) {
  const [locale, setLocale] = useState<Locale>(preferredLocale(navigator.languages ?? [navigator.language]));
  const [who, setWho] = useState<Whoami | null>(null);
  const [api, setApi] = useState<ApiClient | null>(null);
  const [view, setView] = useState<View>('search');
  const [storyId, setStoryId] = useState<string | null>(null);
  const t = useMemo(() => translator(locale), [locale]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.title');
  }, [locale, t]);

  const signIn = async (key: string) => {
    const client = createApi(key, urls, fetcher);
    const identity = await client.ingest<Whoami>('GET', '/v1/whoami');
    session.save(key);
    setApi(client);
    setWho(identity);
    setView(may(identity, 'submit') ? 'write' : 'search');
  };
  useEffect(() => {
    const saved = session.load();
    if (saved) signIn(saved).catch(() => session.clear());
  }, []);
  const signOut = () => {
    session.clear();
    setApi(null);
    setWho(null);
  };
  const open = (id: string) => {
    setStoryId(id);
    setView('story');
  };
  const allowed = VIEWS.filter((entry) => !entry.scope || may(who, entry.scope));

  return (
    <I18n.Provider value={{ t, locale }}>
      <header class="top">
        <h1>{t('app.title')}</h1>
        <div class="top-tools">
          <label for="ui-language">{t('lang.label')}</label>
          <select id="ui-language" value={locale} onChange={(event) => setLocale(event.currentTarget.value as Locale)}>
            <option value="en" lang="en">
              English
            </option>
            <option value="fr" lang="fr">
              Français
            </option>
          </select>
          {who && (
            <p class="who">
              {t('who.signedIn')} <strong data-testid="key-name">{who.name}</strong>
              {' · '}
              {t('who.scopes')}: <span data-testid="key-scopes">{who.scopes.join(', ')}</span>{' '}
              <button type="button" onClick={signOut}>
                {t('signin.out')}
              </button>
            </p>
          )}
        </div>
        {who && (
          <nav aria-label={t('nav.label')}>
            <ul>
              {allowed.map((entry) => (
                <li key={entry.view}>
                  <button type="button" aria-current={view === entry.view ? 'page' : undefined} onClick={() => setView(entry.view)}>
                    {t(entry.label)}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main">
        {!api || !who ? (
          <SignIn onSignIn={signIn} />
        ) : (
          <>
            {view === 'write' && may(who, 'submit') && <WriteView api={api} onSubmitted={open} />}
            {view === 'story' && <StoryView api={api} who={who} id={storyId} />}
            {view === 'search' && <SearchView api={api} onOpen={open} />}
            {view === 'wire' && may(who, 'wire') && <WireView api={api} onOpen={open} />}
            {view === 'admin' && may(who, 'admin') && <AdminView api={api} />}
          </>
        )}
      </main>
    </I18n.Provider>
  );
}
