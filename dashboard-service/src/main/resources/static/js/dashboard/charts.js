// The charts: created once, then updated in place with each summary (never re-created).
import {abbreviate, format, t} from './format.js';

/* global Chart */

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
/** The current theme's chart colours; replaced when the theme changes. */
let palette;
/** How long the charts take to move to new figures, where the user has not asked for reduced motion. */
const ANIMATION_MILLIS = 450;
/** Updates closer together than this skip the animation, so a burst never queues up a storm of them. */
const CALM_INTERVAL = 800;

/** Known values keep their colour whatever else shows up; the rest take the palette in order. */
const VALUE_COLOURS = {
    'Manhã': 2, 'Tarde': 7, 'Noite': 5,
    'Feminino': 8, 'Masculino': 1, 'Não Declarado': 6,
    'Sim': 4, 'Não': 3,
};

function theme() {
    const css = getComputedStyle(document.documentElement);
    const value = name => css.getPropertyValue(name).trim();
    return {
        grid: value('--chart-grid'),
        text: value('--chart-text'),
        surface: value('--surface'),
        onSeries: value('--chart-on-series'),
        faded: value('--chart-faded'),
        series: [1, 2, 3, 4, 5, 6, 7, 8].map(n => value(`--chart-${n}`)),
    };
}

function colourOf(colours, value, index) {
    const known = VALUE_COLOURS[value];
    return known ? colours.series[known - 1] : colours.series[index % colours.series.length];
}

/** A #rrggbb colour with some transparency. */
function alpha(colour, opacity) {
    const [r, g, b] = [1, 3, 5].map(offset => parseInt(colour.slice(offset, offset + 2), 16));
    return `rgba(${r}, ${g}, ${b}, ${opacity})`;
}

/** Whether a chart's value is one its filter leaves out (drawn in the theme's faded grey). */
function leftOut(chart, label) {
    return chart.$selected != null && chart.$selected !== label;
}

function entries(counts) {
    return Object.entries(counts ?? {}).filter(([, count]) => count > 0);
}

/** The counts a filterable chart shows: those under the other filters, so every choice stays clickable. */
function facet(summary, field, counts) {
    return summary.facets?.[field] ?? counts;
}

const tooltipCount = {callbacks: {label: item => ` ${format.integer(item.raw)}`}};

function axes(colours, {horizontal = false, stacked = false, labelFormat = abbreviate} = {}) {
    const valueAxis = {
        beginAtZero: true,
        stacked,
        grid: {color: colours.grid},
        border: {display: false},
        ticks: {color: colours.text, precision: 0, callback: value => format.integer(value)},
    };
    const categoryAxis = {
        stacked,
        grid: {display: false},
        border: {color: colours.grid},
        ticks: {
            color: colours.text,
            autoSkipPadding: 10,
            maxRotation: 0,
            callback(value) {
                return labelFormat(this.getLabelForValue(value));
            },
        },
    };
    return horizontal ? {x: valueAxis, y: categoryAxis} : {x: categoryAxis, y: valueAxis};
}

/** Draws each slice's share on the doughnut itself, as the original's pie did. */
const sliceLabels = {
    id: 'sliceLabels',
    afterDatasetsDraw(chart) {
        const dataset = chart.data.datasets[0];
        const total = dataset.data.reduce((sum, value) => sum + value, 0);
        if (!total) {
            return;
        }
        const {ctx} = chart;
        ctx.save();
        ctx.font = `600 12px ${Chart.defaults.font.family}`;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        chart.getDatasetMeta(0).data.forEach((arc, index) => {
            const share = dataset.data[index] / total;
            // A share on a left-out slice would be text on grey: its legend and tooltip still tell it.
            if (share < 0.06 || arc.hidden || leftOut(chart, chart.data.labels[index])) {
                return;
            }
            const {x, y} = arc.tooltipPosition();
            ctx.fillStyle = palette.onSeries;
            ctx.fillText(format.percent(Math.round(share * 1000) / 10), x, y);
        });
        ctx.restore();
    },
};

function share(value, values) {
    const total = values.reduce((sum, v) => sum + v, 0);
    return total ? Math.round(value * 1000 / total) / 10 : 0;
}

/**
 * Every chart: how to draw it, which field a click filters by (if any), and how to read its figures from
 * a summary. {@code rows} gives the text alternative: the same figures as table rows.
 */
const SPECS = [
    {
        id: 'course', field: 'course',
        config: colours => barConfig(colours, {horizontal: true, series: 0}),
        read: summary => entries(facet(summary, 'course', summary.byCourse)),
    },
    {
        id: 'payment', field: 'payment',
        config: colours => barConfig(colours, {horizontal: true, series: 4}),
        read: summary => entries(facet(summary, 'payment', summary.byPayment)),
    },
    {
        id: 'shift', field: 'shift',
        config: colours => doughnutConfig(colours),
        read: summary => entries(facet(summary, 'shift', summary.byShift)),
    },
    {
        id: 'sex', field: 'sex',
        config: colours => barConfig(colours, {horizontal: true, byValue: true}),
        read: summary => entries(facet(summary, 'sex', summary.bySex)),
    },
    {
        id: 'responsible',
        config: colours => doughnutConfig(colours),
        read: summary => entries(summary.byFinanciallyResponsible),
    },
    {
        id: 'age',
        config: colours => barConfig(colours, {series: 5}),
        read: summary => entries(summary.ageHistogram),
    },
    {
        id: 'enrollmentDate',
        config: colours => barConfig(colours, {series: 3, labelFormat: format.day, dense: true}),
        read: summary => entries(summary.byEnrollmentDate),
    },
];

function barConfig(colours, {horizontal = false, series, byValue = false, labelFormat, dense = false}) {
    return {
        type: 'bar',
        data: {labels: [], datasets: [{data: [], borderRadius: dense ? 2 : 6, borderSkipped: false,
            maxBarThickness: horizontal ? 30 : 48, categoryPercentage: dense ? 0.9 : 0.8,
            backgroundColor: context => barColour(context, series, byValue)}]},
        options: {
            indexAxis: horizontal ? 'y' : 'x',
            // A click anywhere along a bar's row picks it: a small count still makes an easy target.
            interaction: {mode: horizontal ? 'y' : 'x', intersect: false},
            plugins: {
                legend: {display: false},
                tooltip: {...tooltipCount, callbacks: {...tooltipCount.callbacks,
                    title: items => (labelFormat === format.day ? format.fullDay(items[0].label) : items[0].label)}},
            },
            scales: axes(colours, {horizontal, labelFormat}),
        },
    };
}

function barColour(context, series, byValue) {
    const chart = context.chart;
    const label = chart.data.labels[context.dataIndex];
    return leftOut(chart, label) ? palette.faded
        : byValue ? colourOf(palette, label, context.dataIndex) : palette.series[series];
}

function doughnutConfig(colours) {
    return {
        type: 'doughnut',
        data: {labels: [], datasets: [{data: [], borderWidth: 2, borderColor: () => palette.surface, hoverOffset: 6,
            backgroundColor: context => {
                const label = context.chart.data.labels[context.dataIndex];
                return leftOut(context.chart, label) ? palette.faded : colourOf(palette, label, context.dataIndex);
            }}]},
        options: {
            cutout: '56%',
            layout: {padding: 6},
            plugins: {
                legend: {
                    position: 'bottom',
                    labels: {
                        color: colours.text, usePointStyle: true, pointStyle: 'circle', boxWidth: 8, padding: 14,
                        generateLabels: chart => Chart.overrides.doughnut.plugins.legend.labels.generateLabels(chart)
                            .map(item => ({...item, text: `${abbreviate(item.text, 18)}  ${format.percent(
                                share(chart.data.datasets[0].data[item.index], chart.data.datasets[0].data))}`})),
                    },
                    onClick: null,
                },
                tooltip: {callbacks: {label: item => ` ${format.integer(item.raw)} (${format.percent(
                    share(item.raw, item.dataset.data))})`}},
            },
        },
        plugins: [sliceLabels],
    };
}

function courseShiftConfig(colours) {
    return {
        type: 'bar',
        data: {labels: [], datasets: []},
        options: {
            indexAxis: 'y',
            plugins: {
                legend: {position: 'bottom', labels: {color: colours.text, usePointStyle: true, pointStyle: 'circle',
                    boxWidth: 8, padding: 14}, onClick: null},
                tooltip: {callbacks: {label: item => ` ${item.dataset.label}: ${format.integer(item.raw)}`}},
            },
            scales: axes(colours, {horizontal: true, stacked: true}),
        },
    };
}

function arrivalsConfig(colours) {
    return {
        type: 'line',
        data: {labels: [], datasets: [{data: [], fill: 'origin', tension: 0.3, borderWidth: 2, pointRadius: 0,
            pointHoverRadius: 4, borderColor: () => palette.series[0],
            backgroundColor: context => areaFill(context.chart)}]},
        options: {
            interaction: {mode: 'index', intersect: false},
            plugins: {
                legend: {display: false},
                tooltip: {callbacks: {
                    title: items => format.time(items[0].chart.$times[items[0].dataIndex]),
                    label: item => ` ${format.integer(item.raw)} ${t('chart.arrivals.unit')}`,
                }},
            },
            scales: {
                x: {grid: {display: false}, border: {color: colours.grid},
                    ticks: {color: colours.text, maxRotation: 0, autoSkip: true, maxTicksLimit: 7}},
                y: {beginAtZero: true, grid: {color: colours.grid}, border: {display: false},
                    ticks: {color: colours.text, precision: 0, maxTicksLimit: 5}},
            },
        },
    };
}

function areaFill(chart) {
    const area = chart.chartArea;
    const colour = palette.series[0];
    if (!area) {
        return alpha(colour, 0.2);
    }
    const gradient = chart.ctx.createLinearGradient(0, area.top, 0, area.bottom);
    gradient.addColorStop(0, alpha(colour, 0.42));
    gradient.addColorStop(1, alpha(colour, 0.02));
    return gradient;
}

/** Creates every chart on its canvas; {@code onSelect(filters)} is called with what a click picked. */
export function createCharts(onSelect) {
    palette = theme();
    const colours = palette;
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.maintainAspectRatio = false;
    let lastUpdate = 0;

    const charts = new Map();
    // No animation at all for a user who asks the system for reduced motion, from the first drawing on, and
    // followed as that setting changes.
    const motion = () => (reducedMotion.matches ? false : {duration: ANIMATION_MILLIS});
    reducedMotion.addEventListener('change', () => {
        for (const chart of charts.values()) {
            chart.options.animation = motion();
        }
    });
    const make = (id, config, pick) => {
        const canvas = document.getElementById(`chart-${id}`);
        config.options.animation = motion();
        const chart = new Chart(canvas, config);
        chart.$selected = null;
        if (pick) {
            chart.options.onClick = (event, elements) => {
                if (elements.length) {
                    onSelect(pick(chart, elements[0]));
                }
            };
            chart.options.onHover = (event, elements) => {
                canvas.style.cursor = elements.length ? 'pointer' : 'default';
            };
        }
        charts.set(id, chart);
        return chart;
    };

    for (const spec of SPECS) {
        make(spec.id, spec.config(colours),
            spec.field && ((chart, element) => ({[spec.field]: chart.data.labels[element.index]})));
    }
    make('courseShift', courseShiftConfig(colours), (chart, element) => ({
        course: chart.data.labels[element.index],
        shift: chart.data.datasets[element.datasetIndex].label,
    }));
    make('arrivals', arrivalsConfig(colours));

    document.addEventListener('themechange', () => {
        palette = theme();
        for (const chart of charts.values()) {
            restyle(chart, palette);
            chart.update('none');
        }
    });

    return {
        /** Shows a summary; {@code filters} marks the picked value in the chart it was picked from. */
        update(summary, filters) {
            const now = performance.now();
            const mode = now - lastUpdate < CALM_INTERVAL || document.hidden ? 'none' : undefined;
            lastUpdate = now;
            const rows = {};
            for (const spec of SPECS) {
                const chart = charts.get(spec.id);
                const pairs = spec.read(summary);
                chart.$selected = spec.field ? filters[spec.field] ?? null : null;
                chart.data.labels = pairs.map(([label]) => label);
                chart.data.datasets[0].data = pairs.map(([, count]) => count);
                chart.update(mode);
                rows[spec.id] = pairs;
            }
            updateCourseShift(charts.get('courseShift'), summary.courseByShift, mode);
            rows.arrivals = updateArrivals(charts.get('arrivals'), summary.arrivals);
            return rows;
        },
        fields: Object.fromEntries(SPECS.filter(spec => spec.field).map(spec => [spec.id, spec.field])),
    };
}

/** One dataset per shift, kept as the same object while the shift stays, so its bars move rather than pop. */
function updateCourseShift(chart, matrix, mode) {
    const courses = Object.keys(matrix ?? {});
    const shifts = [...new Set(courses.flatMap(course => Object.keys(matrix[course])))].sort();
    const kept = new Map(chart.data.datasets.map(dataset => [dataset.label, dataset]));
    chart.data.labels = courses;
    chart.data.datasets = shifts.map(shift => {
        const dataset = kept.get(shift) ?? {label: shift, borderRadius: 4, borderSkipped: false, maxBarThickness: 30,
            backgroundColor: context => colourOf(palette, shift, context.datasetIndex)};
        dataset.data = courses.map(course => matrix[course][shift] ?? 0);
        return dataset;
    });
    chart.update(mode);
}

/** Minutes of arrivals the line shows a point for: the summary's finer buckets, added up. */
const MINUTE = 60_000;

/** The last hour, a point a minute (the last one still filling); a line that shifts each time, so never animated. */
function updateArrivals(chart, arrivals) {
    const start = Date.parse(arrivals.start);
    const bucket = arrivals.bucketSeconds * 1000;
    const perPoint = Math.max(1, Math.round(MINUTE / bucket));
    const times = [];
    const counts = [];
    arrivals.counts.forEach((count, index) => {
        if (index % perPoint === 0) {
            times.push(start + index * bucket);
            counts.push(0);
        }
        counts[counts.length - 1] += count;
    });
    chart.$times = times;
    chart.data.labels = times.map(format.time);
    chart.data.datasets[0].data = counts;
    chart.update('none');
    const peak = counts.indexOf(Math.max(0, ...counts));
    return {total: counts.reduce((sum, count) => sum + count, 0), peak: counts[peak] ?? 0, peakTime: times[peak]};
}

function restyle(chart, colours) {
    const {options} = chart;
    for (const scale of Object.values(options.scales ?? {})) {
        if (scale.grid?.color !== undefined) {
            scale.grid.color = colours.grid;
        }
        if (scale.border?.color !== undefined) {
            scale.border.color = colours.grid;
        }
        scale.ticks.color = colours.text;
    }
    if (options.plugins.legend?.labels) {
        options.plugins.legend.labels.color = colours.text;
    }
}
