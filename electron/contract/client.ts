/** A typed client over any transport (IPC preload, HTTP, in-process dispatch). Renderer-safe. */
import type { ChannelInput, ChannelName, ChannelOutput } from './channels';
import type { ApiError, Result } from './define';

export type Transport = (channel: ChannelName, input: unknown) => Promise<Result<unknown>>;

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
  }
}

export interface Client {
  /** Resolves with the value or rejects with ApiFailure carrying the officer-readable message. */
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Resolves with the whole result, for forms that show field-level errors. */
  result<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
}

export function createClient(transport: Transport): Client {
  return {
    async call(channel, input) {
      const r = await transport(channel, input);
      if (!r.ok) throw new ApiFailure(r.error);
      return r.value as never;
    },
    result: (channel, input) => transport(channel, input) as never,
  };
}
