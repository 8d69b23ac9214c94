import { describe, expect, it } from '@jest/globals';
import { newTestService } from '#runtime/testing';
import type { ApiKey } from '#runtime';
import { IntakeStatusRepository } from '../repositories/intake-status.repository.js';
import { StoryOwnerRepository } from '../repositories/story-owner.repository.js';
import { OwnershipService } from './ownership.service.js';

const ID = '3b0c7d2e-8f41-4c7a-9d55-0c1f2a3b4c5d';
const key = (name: string, scopes: string[], newsroom = name): ApiKey => ({ name, scopes: new Set(scopes), newsroom, digest: Buffer.alloc(0) }) as ApiKey;

describe('OwnershipService', () => {
  it('lets the owning newsroom change its story and refuses another with the reason', async () => {
    const { sut, mock } = newTestService(OwnershipService);
    mock(StoryOwnerRepository).find.mockResolvedValue({ key: 'desk', scope: 'submit', newsroom: 'lemonde' });
    await expect(sut.assertMayChange(ID, key('other-desk', ['submit'], 'lemonde'))).resolves.toBeUndefined();
    await expect(sut.assertMayChange(ID, key('rival', ['submit'], 'lefigaro'))).rejects.toMatchObject({ status: 403 });
  });

  it('leaves a story nobody received to the 404 that follows, but refuses one received before owners were kept', async () => {
    const { sut, mock } = newTestService(OwnershipService);
    mock(StoryOwnerRepository).find.mockResolvedValue(undefined);
    mock(IntakeStatusRepository).getStatus.mockResolvedValueOnce(undefined);
    await expect(sut.assertMayChange(ID, key('desk', ['submit']))).resolves.toBeUndefined();
    mock(IntakeStatusRepository).getStatus.mockResolvedValueOnce({ articleId: ID, status: 'published', updatedAt: 't' });
    await expect(sut.assertMayChange(ID, key('desk', ['submit']))).rejects.toMatchObject({ status: 403 });
  });

  it('refuses a request without a key, and takes agency copy for agency copy only', async () => {
    const { sut, mock } = newTestService(OwnershipService);
    mock(StoryOwnerRepository).find.mockResolvedValue({ key: 'afp', scope: 'wire', newsroom: 'afp' });
    await expect(sut.assertMayChange(ID, undefined)).rejects.toMatchObject({ status: 403 });
    expect(await sut.isAgencyCopy(ID)).toBe(true);
    mock(StoryOwnerRepository).find.mockResolvedValue({ key: 'desk', scope: 'submit', newsroom: 'lemonde' });
    expect(await sut.isAgencyCopy(ID)).toBe(false);
  });
});
