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
/** Set while the figures on screen are for other filters than the ones chosen: no row highlighting then. */
let switching = false;
/** The newest summary not yet drawn, and whether a frame is already asked for to draw it. */
let waiting = null;
let frameRequested = false;

const charts = createCharts(select);
view.wireTableToggles();
document.getElementById('clear-filters').addEventListener('click', () => change({}));
window.addEventListener('popstate', () => change(filtersFrom(new URL(location.href)), false));

forgetLanguageParameter();
show(summary, false);
listen();

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
    summary = next;
    const rows = charts.update(next, filters);
    view.renderFigures(next);
    view.renderAlternatives(rows, charts.fields, select);
    view.renderCourseShiftAlternative(next.courseByShift);
    view.renderNewest(next.newest, highlight);
    view.renderChips(filters, remove);
    view.renderState(connection, next);
}

/**
 * Draws the newest summary at the next frame: summaries that arrive faster than the page can draw (a slow
 * machine, a busy tab) are skipped rather than queued, and a hidden tab draws nothing until it is shown.
 */
function showSoon(next) {
    waiting = next;
    if (!frameRequested) {
        frameRequested = true;
        requestAnimationFrame(() => {
            frameRequested = false;
            if (waiting === null) {
                return; // the filters changed meanwhile: that summary is no longer wanted
            }
            const latest = waiting;
            waiting = null;
            const fresh = !switching;
            switching = false;
            main.removeAttribute('aria-busy');
            show(latest, fresh);
        });
    }
}

function listen() {
    stream?.close();
    stream = follow(query(filters), {
        onSummary: showSoon,
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
    view.renderChips(filters, remove);
    switching = true;
    waiting = null;
    main.setAttribute('aria-busy', 'true');
    listen();
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
