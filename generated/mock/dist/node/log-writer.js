export function batchedWriter(out) {
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
