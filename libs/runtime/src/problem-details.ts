import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ContractViolation, type FieldIssue } from '#contracts';

/** RFC 9457 problem details: what every HTTP error of the project looks like. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldIssue[];
  [extension: string]: unknown;
}

export const PROBLEM_TYPE_BASE = 'https://depeche.dev/problems/';

export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemDetails) {
    super(problem, problem.status);
  }

  static of(status: number, slug: string, title: string, detail?: string, extra: Partial<ProblemDetails> = {}): ProblemException {
    return new ProblemException({ type: `${PROBLEM_TYPE_BASE}${slug}`, title, status, detail, ...extra });
  }
}

export function invalidRequest(issues: FieldIssue[], detail = 'The request has invalid fields.'): ProblemException {
  return ProblemException.of(400, 'invalid-request', 'Invalid request', detail, { errors: issues });
}

export function problemOf(error: unknown): ProblemDetails {
  if (error instanceof ProblemException) return error.problem;
  if (error instanceof ContractViolation) return invalidRequest(error.issues).problem;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return { type: 'about:blank', title: HttpStatus[status]?.replace(/_/g, ' ').toLowerCase() ?? 'error', status, detail: error.message };
  }
  const status = (error as { statusCode?: number }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own refusals: bad JSON, body too large, unsupported media type.
    return {
      type: `${PROBLEM_TYPE_BASE}${(error as { code?: string }).code ?? 'bad-request'}`,
      title: 'Bad request',
      status,
      detail: (error as Error).message,
    };
  }
  return { type: 'about:blank', title: 'Internal Server Error', status: 500 };
}

export function sendProblem(reply: FastifyReply, problem: ProblemDetails): void {
  void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(JSON.stringify(problem));
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const problem = problemOf(exception);
    if (problem.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    sendProblem(host.switchToHttp().getResponse<FastifyReply>(), problem);
  }
}
