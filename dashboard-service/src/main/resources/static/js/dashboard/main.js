// The dashboard: first paint from the figures in the page, then live from /api/stream. Clicking a bar or
// slice filters the page; the filters live in the URL, so a filtered view can be shared and reloaded.
import {createCharts} from './charts.js';
import {follow} from './stream.js';
import * as view from './view.js';

const FIELDS = ['course', 'shift', 'payment', 'sex'];
const LANGUAGE_PARAMETER = 'lang';

const main = document.getElementById('dashboard');
let filters = filtersFrom(new URL(location.href));
let summary = JSON.parse(main.dataset.summary);
let connection = 'connecting';
let stream;

const charts = createCharts(select);

function filtersFrom(url) {
    const chosen = {};
    for (const field of FIELDS) {
        const value = url.searchParams.get(field);
        if (value) {
            chosen[field] = value;
        }
    }
    return chosen;
}

function query(chosen) {
    const params = new URLSearchParams();
    FIELDS.filter(field => chosen[field]).forEach(field => params.set(field, chosen[field]));
    return params.toString();
}

function show(next, highlight) {
    showText(next, highlight);
    showCharts(next);
}

/** Numbers, table and states: cheap, and what a glance looks for first. */
function showText(next, highlight) {
    summary = next;
    view.renderFigures(next);
    view.renderNewest(next.newest, highlight);
    view.renderState(connection, next);
}

function showCharts(next) {
    const rows = charts.update(next, filters);
    view.renderAlternatives(rows, charts.fields, select);
    view.renderCourseShiftAlternative(next.courseByShift);
}

/** Whether a summary is for the filters now chosen (one still on its way may be for the earlier ones). */
function current(candidate) {
    return FIELDS.every(field => (candidate.filter?.[field] ?? null) === (filters[field] ?? null));
}

/**
 * Calls {@code draw} at the next frame with the newest value given meanwhile: summaries that arrive faster
 * than the page can draw (a slow machine, a busy tab) are skipped rather than queued, and a hidden tab draws
 * nothing until it is shown again.
 */
function perFrame(draw) {
    let latest;
    let requested = false;
    return next => {
        latest = next;
        if (!requested) {
            requested = true;
            requestAnimationFrame(() => {
                requested = false;
                draw(latest);
            });
        }
    };
}

// A live summary shows in two frames: the text at once, the charts (the costly part) at the next one.
const drawCharts = perFrame(next => {
    if (current(next)) {
        showCharts(next);
    }
});
const drawText = perFrame(next => {
    if (!current(next)) {
        return;
    }
    // Rows are news only when the table already showed these filters.
    const highlight = current(summary);
    main.removeAttribute('aria-busy');
    showText(next, highlight);
    drawCharts(next);
});

function listen() {
    stream?.close();
    stream = follow(query(filters), {
        onSummary: drawText,
        onConnection: state => {
            connection = state;
            view.renderState(connection, summary);
        },
    });
}

/** A click picked values: the same value again removes its filter, another one replaces it. */
function select(picked) {
    const next = {...filters};
    const fields = Object.keys(picked);
    const same = fields.every(field => filters[field] === picked[field]);
    for (const field of fields) {
        if (same) {
            delete next[field];
        } else {
            next[field] = picked[field];
        }
    }
    change(next);
}

function remove(field) {
    const next = {...filters};
    delete next[field];
    change(next);
}

function change(next, remember = true) {
    filters = next;
    const url = new URL(location.href);
    FIELDS.forEach(field => url.searchParams.delete(field));
    FIELDS.filter(field => next[field]).forEach(field => url.searchParams.set(field, next[field]));
    if (remember && url.href !== location.href) {
        history.pushState(null, '', url);
    }
    updateLanguageLinks();
    updateCsvLink();
    view.renderChips(filters, remove);
    main.setAttribute('aria-busy', 'true');
    listen();
}

/** The table's download is of the enrollments in view. */
function updateCsvLink() {
    const filterQuery = query(filters);
    document.getElementById('csv-download').href = filterQuery ? `/api/enrollments.csv?${filterQuery}` : '/api/enrollments.csv';
}

/** After a switch the cookie remembers the language: the URL need not say it any more. */
function forgetLanguageParameter() {
    const url = new URL(location.href);
    if (url.searchParams.has(LANGUAGE_PARAMETER)) {
        url.searchParams.delete(LANGUAGE_PARAMETER);
        history.replaceState(null, '', url);
    }
    updateLanguageLinks();
}

/** The language links keep the filters in view. */
function updateLanguageLinks() {
    for (const link of document.querySelectorAll('.lang-switch a[data-lang]')) {
        const url = new URL(location.href);
        url.searchParams.set(LANGUAGE_PARAMETER, link.dataset.lang);
        link.href = url.pathname + url.search;
    }
}

view.wireTableToggles();
document.getElementById('clear-filters').addEventListener('click', () => {
    change({});
    view.focusFilterBar();
});
window.addEventListener('popstate', () => change(filtersFrom(new URL(location.href)), false));
forgetLanguageParameter();
// Chips change with the filters only, never under a user about to click one.
view.renderChips(filters, remove);
show(summary, false);
listen();
