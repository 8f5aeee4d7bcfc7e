export interface LineWriter {
    write(text: string): void;
    flush(): void;
}
export declare function batchedWriter(out: {
    write(chunk: string): unknown;
}): LineWriter;
