// Store-level failures with a message a watch officer (or a maintainer) can act on.

export class StoreError extends Error {
  constructor(
    /** 'unreachable': a room database that did not answer (it may be starting, or failing over). */
    readonly kind: 'corrupt' | 'newer_version' | 'unreadable' | 'readonly' | 'unreachable',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
