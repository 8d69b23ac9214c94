import type { PipeTransform } from '@nestjs/common';
import type { Validator } from '#contracts';
import { invalidRequest } from './problem-details.js';

/**
 * A request part (body, query) checked against its contract, a TypeBox schema compiled once
 * (libs/contracts validatorFor): 400 problem+json naming each bad field, and the handler gets the
 * typed value. The same schema documents the route in the OpenAPI document.
 *
 *   async submit(@Body(new ContractPipe(editorArticles, 'article')) article: EditorArticleDto)
 */
export class ContractPipe<T> implements PipeTransform<unknown, T> {
  constructor(
    private readonly validator: Validator<T>,
    /** What the part is, for the problem's detail ("The article has invalid fields."). */
    private readonly what: string,
  ) {}

  transform(value: unknown): T {
    const issues = this.validator.issues(value ?? {});
    if (issues.length) throw invalidRequest(issues, `The ${this.what} has invalid fields.`);
    return this.validator.parse(value ?? {});
  }
}
