// Log output for a server: lines batched into one write per event-loop turn (stdout to a pipe or a
// file is synchronous on Linux; one write per request would cost throughput).
export interface LineWriter {
  write(text: string): void;
  flush(): void;
}

export function batchedWriter(out: { write(chunk: string): unknown }): LineWriter {
  let buffer = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (buffer) {
      const chunk = buffer;
      buffer = '';
      out.write(chunk);
    }
  };
  return {
    write(text) {
      buffer += text;
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}
