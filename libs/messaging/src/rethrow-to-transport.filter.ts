import { Catch, type ExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter replaces every error by "Internal server error",
 * which would hide whether a failure is permanent or transient. This one hands
 * the original error back to the transport, which decides ack/nak/term.
 */
@Catch()
export class RethrowToTransportFilter implements ExceptionFilter {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
