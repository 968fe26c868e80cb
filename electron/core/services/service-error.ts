import type { ErrorCode, FieldIssue } from '../../contract/define';

/** An error whose message is meant for the person using the app. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export function notFound(what: string): ServiceError {
  return new ServiceError('not_found', `That ${what} no longer exists. It may have been deleted; look in the Bin.`);
}

export function invalidField(path: string, message: string): ServiceError {
  return new ServiceError('invalid_input', message, [{ path, message }]);
}
