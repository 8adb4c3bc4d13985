// The live summaries from /api/stream. EventSource reconnects by itself after a network drop; when the
// server answers with an error instead, it gives up, so this tries again itself, waiting longer each time.

const FIRST_RETRY = 1000;
const LAST_RETRY = 30000;

/**
 * Follows the stream for a filter query. {@code onSummary} gets every summary (the first one at once, on
 * every reconnection too, so the page resynchronises); {@code onConnection} gets 'open' or 'reconnecting'.
 */
export function follow(query, {onSummary, onConnection}) {
    let source;
    let timer;
    let retry = FIRST_RETRY;
    let closed = false;

    function open() {
        source = new EventSource(query ? `/api/stream?${query}` : '/api/stream');
        source.addEventListener('summary', event => {
            retry = FIRST_RETRY;
            let summary;
            try {
                summary = JSON.parse(event.data);
            } catch (error) {
                console.error('unreadable summary', error);
                return;
            }
            onConnection('open');
            onSummary(summary);
        });
        source.addEventListener('error', () => {
            if (closed) {
                return;
            }
            onConnection('reconnecting');
            if (source.readyState === EventSource.CLOSED) {
                timer = setTimeout(open, retry);
                retry = Math.min(retry * 2, LAST_RETRY);
            }
        });
    }

    open();
    return {
        close() {
            closed = true;
            clearTimeout(timer);
            source.close();
        },
    };
}
