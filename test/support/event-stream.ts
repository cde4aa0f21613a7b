// Reads a server-sent event stream (GET /events) as a console's EventSource would: each block's
// `event:` and `data:` lines, handed over as they arrive, until the stream ends.
export async function readEventStream(
  body: NonNullable<Response['body']>,
  on: (event: string, data: string) => void,
): Promise<void> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) on(event, data);
    }
  }
}
