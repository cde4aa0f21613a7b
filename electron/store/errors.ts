// Store-level failures with a message a watch officer (or a maintainer) can act on.

export class StoreError extends Error {
  constructor(
    readonly kind: 'corrupt' | 'newer_version' | 'unreadable' | 'readonly',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
