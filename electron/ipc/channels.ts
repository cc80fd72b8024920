/** The two Electron IPC channel names: one for every API call, one for pushed events. */
export const INVOKE_CHANNEL = 'staffwise:invoke';
export const EVENT_CHANNEL = 'staffwise:event';
