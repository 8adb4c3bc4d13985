// Everything on the page but the charts. Values from Kafka only ever reach the DOM as text (textContent),
// never as markup, so a course named "<img src=x onerror=...>" shows as those characters.
import {format, has, showNumber, t} from './format.js';

const byId = id => document.getElementById(id);

const FIELDS = ['course', 'shift', 'payment', 'sex'];
/** How long a new row stays lit. */
const FRESH_MILLIS = 1500;

export function renderFigures(summary) {
    showNumber(byId('kpi-total'), summary.totalEnrollments);
    const updated = byId('kpi-updated');
    if (summary.updatedAt) {
        updated.dateTime = summary.updatedAt;
        updated.textContent = format.timeWithSeconds(Date.parse(summary.updatedAt));
        byId('kpi-updated-note').textContent = format.date(Date.parse(summary.updatedAt));
    } else {
        updated.removeAttribute('datetime');
        updated.textContent = t('kpi.updatedAt.never');
        byId('kpi-updated-note').textContent = '';
    }
    renderPipelineFigures(summary.pipeline);
    renderRejected(summary.rejected);
    renderProfile(summary.mostCommon, summary.totalEnrollments);
    renderOverflow(summary.overflow);
}

function renderPipelineFigures(pipeline) {
    showNumber(byId('kpi-rate'), pipeline.recordsPerSecond, format.decimal);
    byId('kpi-rate-note').textContent = t('kpi.rate.consumed', format.integer(pipeline.consumed));
    showNumber(byId('kpi-lag'), pipeline.lag);
    const partitions = Object.entries(pipeline.lagByPartition ?? {});
    byId('kpi-lag-note').textContent = partitions
        .map(([partition, lag]) => t('kpi.lag.partition', partition, format.integer(lag)))
        .join(' · ');
}

function renderRejected(rejected) {
    showNumber(byId('kpi-rejected'), rejected.total);
    const reasons = Object.entries(rejected.byReason ?? {}).sort(([, a], [, b]) => b - a);
    byId('kpi-rejected-note').textContent = reasons.length === 0 ? t('kpi.rejected.none') : reasons
        .map(([code, count]) => `${format.integer(count)} ${has(`reason.${code}`) ? t(`reason.${code}`) : code}`)
        .join(' · ');
}

function renderProfile(common, total) {
    byId('profile').hidden = total === 0;
    byId('profile-empty').hidden = total !== 0;
    if (total === 0) {
        return;
    }
    byId('profile-course').textContent = common.course;
    byId('profile-shift').textContent = common.shift;
    byId('profile-payment').textContent = common.payment;
    byId('profile-sex').textContent = common.sex;
    byId('profile-age').textContent = t('profile.age.value', common.age);
    byId('profile-responsible').textContent = common.financiallyResponsible;
    for (const id of ['profile-course', 'profile-shift', 'profile-payment', 'profile-sex', 'profile-responsible']) {
        byId(id).title = byId(id).textContent;
    }
}

const OVERFLOW_CARDS = {course: 'course', payment: 'payment', shift: 'shift', sex: 'sex',
    financiallyResponsible: 'responsible', enrollmentDate: 'enrollmentDate'};

/** Past the store's limit, rare values share one "(outros)" bar; the card says how many were folded in. */
function renderOverflow(overflow) {
    for (const [field, card] of Object.entries(OVERFLOW_CARDS)) {
        const note = document.querySelector(`#card-${card} .card-note`);
        const count = overflow?.[field] ?? 0;
        note.hidden = count === 0;
        note.textContent = count === 0 ? '' : t('chart.overflow', format.integer(count));
    }
}

/**
 * The text alternative of each chart: the same figures as a table. In the tables of filterable charts the
 * values are buttons that filter, so drilling down works from the keyboard too.
 */
export function renderAlternatives(rows, fields, onSelect) {
    for (const [id, pairs] of Object.entries(rows)) {
        if (id === 'arrivals') {
            renderArrivalsText(pairs);
            continue;
        }
        const body = document.querySelector(`#alt-${id} tbody`);
        const field = fields[id];
        if (field && !('wired' in body.dataset)) {
            body.dataset.wired = '';
            body.addEventListener('click', event => {
                const button = event.target.closest('button');
                if (button) {
                    onSelect({[field]: button.value});
                }
            });
        }
        syncRows(body, pairs.map(([label, count]) => [label, format.integer(count)]), Boolean(field));
    }
}

export function renderCourseShiftAlternative(matrix) {
    syncRows(document.querySelector('#alt-courseShift tbody'), Object.entries(matrix ?? {}).flatMap(
        ([course, shifts]) => Object.entries(shifts).map(([shift, count]) => [course, shift, format.integer(count)])));
}

/** Brings a table body to the given rows of texts, touching only the cells that changed. */
function syncRows(body, rows, headIsButton = false) {
    if (!('live' in body.dataset)) {
        body.dataset.live = '';
        body.replaceChildren(); // the server's rows, made again in the live form
    }
    rows.forEach((texts, index) => {
        const row = body.rows[index] ?? newRow(body, texts.length, headIsButton);
        texts.forEach((text, cell) => {
            const target = cell === 0 && headIsButton ? row.cells[0].firstChild : row.cells[cell];
            if (target.textContent !== text) {
                target.textContent = text;
                if (target.tagName === 'BUTTON') {
                    target.value = text;
                }
            }
        });
    });
    while (body.rows.length > rows.length) {
        body.deleteRow(-1);
    }
}

function newRow(body, cells, headIsButton) {
    const row = body.insertRow();
    const head = document.createElement('th');
    head.scope = 'row';
    if (headIsButton) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'link-button';
        head.append(button);
    }
    row.append(head);
    for (let i = 1; i < cells; i++) {
        row.insertCell();
    }
    return row;
}

function renderArrivalsText({total, peak, peakTime}) {
    const text = t('chart.arrivals.total', format.integer(total));
    byId('alt-arrivals').firstElementChild.textContent = peak > 0
        ? `${text} ${t('chart.arrivals.peak', format.integer(peak), format.time(peakTime))}`
        : text;
}

/** Each card's table button swaps its chart for the text alternative and back. */
export function wireTableToggles() {
    for (const button of document.querySelectorAll('.table-toggle')) {
        button.addEventListener('click', () => {
            const card = button.closest('.chart-card');
            const showTable = card.classList.toggle('show-table');
            button.setAttribute('aria-pressed', String(showTable));
            // Shown, the table scrolls within the card: a keyboard user must be able to focus it to scroll it.
            const table = document.getElementById(button.getAttribute('aria-controls'));
            if (showTable) {
                table.tabIndex = 0;
            } else {
                table.removeAttribute('tabindex');
            }
            const label = t(showTable ? 'chart.showChart' : 'chart.showTable');
            button.title = label;
            button.setAttribute('aria-label', label);
        });
    }
}

const COLUMNS = [
    ['id_matricula', 'id'], ['ds_curso_nome'], ['ds_curso_turno'], ['ds_curso_duracao', 'num'],
    ['ds_curso_inicio'], ['ds_aluno_idade', 'num'], ['ds_aluno_sexo'], ['ds_aluno_responsavel_financeiro'],
    ['ds_matricula_pagamento'], ['dt_matricula'],
];

/**
 * The newest enrollments, newest first. Rows already shown are kept (matched by id), new ones are added at
 * the top and briefly highlighted; the table never holds more than the summary's bounded list.
 */
export function renderNewest(newest, highlight) {
    const body = byId('newest-rows');
    const shown = new Map([...body.rows].map(row => [row.dataset.id, row]));
    const rows = newest.map(enrollment => {
        const id = enrollment.id_matricula;
        const existing = shown.get(id);
        if (existing && sameRow(existing, enrollment)) {
            return existing;
        }
        const row = document.createElement('tr');
        row.dataset.id = id;
        for (const [name, className] of COLUMNS) {
            const cell = document.createElement('td');
            if (className) {
                cell.className = className;
            }
            cell.textContent = String(enrollment[name]);
            cell.title = cell.textContent;
            row.append(cell);
        }
        if (highlight) {
            row.classList.add('fresh');
            setTimeout(() => row.classList.remove('fresh'), FRESH_MILLIS);
        }
        return row;
    });
    // Touch only what changed: moving a row out and back in would restart its highlight.
    const keep = new Set(rows);
    [...body.rows].filter(row => !keep.has(row)).forEach(row => row.remove());
    rows.forEach((row, index) => {
        if (body.rows[index] !== row) {
            body.insertBefore(row, body.rows[index] ?? null);
        }
    });
    byId('newest-empty').hidden = newest.length > 0;
}

function sameRow(row, enrollment) {
    return COLUMNS.every(([name], index) => row.cells[index]?.textContent === String(enrollment[name]));
}

/** The connection state, the pipeline's state, and the empty-data messages. */
export function renderState(connection, summary) {
    const pipeline = summary?.pipeline;
    let state = 'live';
    if (connection === 'connecting' || !summary) {
        state = 'connecting';
    } else if (connection === 'reconnecting') {
        state = 'reconnecting';
    } else if (!pipeline.connected) {
        state = 'disconnected';
    } else if (pipeline.catchingUp) {
        state = 'catching-up';
    }
    const status = byId('status');
    status.dataset.state = state;
    byId('status-text').textContent = state === 'catching-up'
        ? t('status.catchingUp', format.decimal(pipeline.percentDone))
        : t({connecting: 'status.connecting', live: 'status.live', disconnected: 'status.disconnected',
            reconnecting: 'status.reconnecting'}[state]);

    byId('banner-reconnecting').hidden = connection !== 'reconnecting';
    if (!summary) {
        return;
    }
    const catchingUp = byId('banner-catching-up');
    catchingUp.hidden = !pipeline.catchingUp;
    if (pipeline.catchingUp) {
        byId('catching-up-text').textContent = t('banner.catchingUp', format.decimal(pipeline.percentDone),
            format.integer(pipeline.lag));
        byId('catching-up-progress').value = pipeline.percentDone;
    }
    byId('banner-disconnected').hidden = pipeline.connected;
    if (!pipeline.connected) {
        byId('disconnected-text').textContent = t('banner.disconnected',
            pipeline.disconnectedSince ? format.dateTime(pipeline.disconnectedSince) : '?');
    }
    const filtered = FIELDS.some(field => summary.filter?.[field]);
    byId('banner-no-data').hidden = summary.totalEnrollments > 0 || filtered;
    byId('banner-no-match').hidden = summary.totalEnrollments > 0 || !filtered;
}

/** A chip or button just used is gone: the focus goes to a chip left, else to the hint, never back to the page's top. */
export function focusFilterBar() {
    (document.querySelector('#chips .chip') ?? byId('filter-hint')).focus();
}

/** The active filters as chips (cloned from the page's own chip markup); a click on one removes it. */
export function renderChips(filters, onRemove) {
    const template = byId('chip-template');
    const chips = FIELDS.filter(field => filters[field]).map(field => {
        const item = template.content.firstElementChild.cloneNode(true);
        const button = item.querySelector('.chip');
        button.dataset.field = field;
        item.querySelector('.chip-field').textContent = t(`field.${field}`);
        item.querySelector('.chip-value').textContent = filters[field];
        button.setAttribute('aria-label', t('filters.remove', t(`field.${field}`), filters[field]));
        button.addEventListener('click', () => {
            onRemove(field);
            focusFilterBar();
        });
        return item;
    });
    byId('chips').replaceChildren(...chips);
    byId('filter-hint').hidden = chips.length > 0;
    byId('clear-filters').hidden = chips.length === 0;
}
