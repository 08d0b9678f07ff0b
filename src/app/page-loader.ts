/**
 * Fetching a page's content script (src/model/pages.ts) when the page is first opened. Classic
 * <script> elements, not fetch(): they load from file:// too, and under the package's CSP
 * (script-src 'self'). A script is requested once; a failed one may be asked for again.
 */
import type { Lesson, PageId } from '../model/lesson.js';
import { PAGES_GLOBAL, isPageContent, pageFile, pagesMissing, type PageContent } from '../model/pages.js';

/** What the app asks for: the content of every page `page` needs that `lesson` lacks. Rejects
 * with an Error naming the file when a script cannot be loaded or holds something else. */
export type PageLoader = (lesson: Lesson, page: PageId) => Promise<PageContent[]>;

type PagesGlobal = Record<string, unknown>;

export function scriptPageLoader(win: Window = window): PageLoader {
  const requests = new Map<string, Promise<PageContent>>();

  const load = (lesson: Lesson, page: PageId): Promise<PageContent> => {
    const src = pageFile(lesson, page)!;
    const known = requests.get(src);
    if (known) return known;
    const request = new Promise<PageContent>((resolve, reject) => {
      const registered = () => ((win as unknown as Record<string, PagesGlobal | undefined>)[PAGES_GLOBAL] ?? {})[page];
      const settle = () => {
        const content = registered();
        if (isPageContent(content, page)) resolve(content);
        else reject(new Error(`${src} does not hold the page ${page}`));
      };
      if (registered() !== undefined) return settle();
      const script = win.document.createElement('script');
      script.src = src;
      script.async = true;
      script.addEventListener('load', settle, { once: true });
      script.addEventListener('error', () => reject(new Error(`${src} could not be loaded`)), { once: true });
      win.document.head.append(script);
    });
    requests.set(src, request);
    request.catch(() => requests.delete(src));
    return request;
  };

  return (lesson, page) => Promise.all(pagesMissing(lesson, page).map((p) => load(lesson, p)));
}
