import { describe, expect, it } from '@jest/globals';
import { untagged } from '#contracts';
import { newTestService } from '#runtime/testing';
import { decodeCursor } from '../dtos/article-page.dto.js';
import { ArticleReadRepository, type ArticleSummary, type StoredArticle } from '../repositories/article-read.repository.js';
import { ArticleReaderService } from './article-reader.service.js';

const ID = '3b0c7d2e-8f41-4c7a-9d55-0c1f2a3b4c5d';
const storedAs = (status: StoredArticle['status'], killReason: string | null = null): StoredArticle => ({
  id: ID,
  revision: 2,
  status,
  killReason,
  publishedAt: new Date(),
  updatedAt: new Date(),
  document: {
    id: ID,
    source: 'editor',
    version: 2,
    headline: 'Titre',
    bodyHtml: '',
    bodyText: '',
    pubStatus: 'usable',
    versionCreated: '2026-12-07T10:00:00Z',
    ...untagged(),
  },
});
const summary = (n: number, score?: number): ArticleSummary => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  headline: `H${n}`,
  standfirst: null,
  language: 'fr',
  section: null,
  revision: 1,
  publishedAt: new Date(`2026-12-0${n}T10:00:00Z`),
  updatedAt: new Date(`2026-12-0${n}T10:00:00Z`),
  ...(score !== undefined ? { score } : {}),
});

describe('ArticleReaderService', () => {
  it('shows a published story, hides one under embargo as unknown (404), and answers 410 with the reason once killed', async () => {
    const { sut, mock } = newTestService(ArticleReaderService);
    const articles = mock(ArticleReadRepository);
    articles.findById.mockResolvedValueOnce(storedAs('published'));
    expect((await sut.visible(ID)).revision).toBe(2);
    articles.findById.mockResolvedValueOnce(storedAs('embargoed'));
    await expect(sut.visible(ID)).rejects.toMatchObject({ status: 404 });
    articles.findById.mockResolvedValueOnce(undefined);
    await expect(sut.visible(ID)).rejects.toMatchObject({ status: 404 });
    articles.findById.mockResolvedValueOnce(storedAs('killed', 'légal'));
    await expect(sut.visible(ID)).rejects.toMatchObject({ status: 410 });
  });

  it('asks one row more than the page to know whether a next page exists, and cuts the cursor at the last row shown', async () => {
    const { sut, mock } = newTestService(ArticleReaderService);
    const articles = mock(ArticleReadRepository);
    articles.list.mockResolvedValueOnce([summary(3), summary(2), summary(1)]);
    const page = await sut.page({ filter: {}, limit: 2 });
    expect(articles.list).toHaveBeenCalledWith({ filter: {}, limit: 3, cursor: undefined });
    expect(page.items.map((i) => i.headline)).toEqual(['H3', 'H2']);
    expect(decodeCursor(page.next!)).toEqual({ publishedAt: '2026-12-02T10:00:00.000Z', id: summary(2).id });
    articles.list.mockResolvedValueOnce([summary(1)]);
    expect((await sut.page({ filter: {}, limit: 2 })).next).toBeUndefined();
  });

  it('keeps the rank in the cursor of a search', async () => {
    const { sut, mock } = newTestService(ArticleReaderService);
    mock(ArticleReadRepository).list.mockResolvedValueOnce([summary(3, 0.9), summary(2, 0.5)]);
    const page = await sut.page({ filter: { q: 'budget' }, limit: 1 });
    expect(page.items[0]).toMatchObject({ score: 0.9, url: `/v1/articles/${summary(3).id}` });
    expect(decodeCursor(page.next!)).toMatchObject({ score: 0.9 });
  });
});
