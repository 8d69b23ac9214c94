import { Injectable } from '@nestjs/common';
import { IntakeStatusRepository } from '../repositories/intake-status.repository.js';
import { ProblemException, type ApiKey } from '#runtime';
import { StoryOwnerRepository } from '../repositories/story-owner.repository.js';
import { changeRefusal, type StoryOwner } from './ownership-rules.js';

/** Records who created each story and refuses (403) a change by a key that may not make it. */
@Injectable()
export class OwnershipService {
  constructor(
    private readonly owners: StoryOwnerRepository,
    private readonly statuses: IntakeStatusRepository,
  ) {}

  record(articleId: string, owner: StoryOwner): Promise<void> {
    return this.owners.recordIfNew(articleId, owner);
  }

  /** 403 problem+json when `caller` may not change the story; an unknown story is left to the 404 that follows. */
  async assertMayChange(articleId: string, caller: ApiKey | undefined): Promise<void> {
    const owner = await this.owners.find(articleId);
    const refusal = caller ? changeRefusal(owner, caller) : 'No API key came with the request.';
    if (!refusal || (!owner && !(await this.statuses.getStatus(articleId)))) return;
    throw ProblemException.of(403, 'not-owner', 'Forbidden', refusal);
  }

  /** Whether agency copy may take over the story behind a guid: never an editor's story. */
  async isAgencyCopy(articleId: string): Promise<boolean> {
    return (await this.owners.find(articleId))?.scope !== 'submit';
  }
}
