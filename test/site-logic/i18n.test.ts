import { describe, expect, it } from 'vitest';
import { LANGS, isLang, langOfPath, pathInLang, t } from '../../src/i18n/ui';

describe('i18n', () => {
  it('finds the language of a site path', () => {
    expect(langOfPath('')).toBe('en');
    expect(langOfPath('articles/x/')).toBe('en');
    expect(langOfPath('/zh/articles/x/')).toBe('zh');
    expect(langOfPath('zh/')).toBe('zh');
    expect(langOfPath('zhx/')).toBe('en');
  });

  it('maps a page to the same page in another language and back', () => {
    for (const p of ['', 'articles/why-sigmoid-and-tanh/', 'search/']) {
      expect(pathInLang(p, 'zh')).toBe(`zh/${p}`);
      expect(pathInLang(pathInLang(p, 'zh'), 'en')).toBe(p);
      expect(pathInLang(p, 'en')).toBe(p);
    }
  });

  it('has every UI string in every language, none empty', () => {
    for (const lang of LANGS) {
      expect(t(lang, 'site.name')).toBe('Why tanh?');
      expect(t(lang, 'nav.search').length).toBeGreaterThan(0);
    }
    expect(t('zh', 'nav.articles')).toBe('文章');
  });

  it('recognises only the site’s languages', () => {
    expect(isLang('zh')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isLang(undefined)).toBe(false);
  });
});
