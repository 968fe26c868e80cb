import type { ChannelName, ChannelOutput, ParsedInput } from '../../contract/channels';
import type { ServiceContext } from '../services/context';

export type Handler<C extends ChannelName> = (ctx: ServiceContext, input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type Handlers = { [C in ChannelName]: Handler<C> };
/** The handlers of one channel group, e.g. `GroupHandlers<typeof exportChannels>`. */
export type GroupHandlers<G> = { [C in keyof G & ChannelName]: Handler<C> };
