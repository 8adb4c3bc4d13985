// Texts in the page's language (from the message bundles, via hidden elements) and number/date formatting.

const language = document.documentElement.lang || 'pt-BR';
const texts = new Map(
    [...document.querySelectorAll('#messages [data-key]')].map(element => [element.dataset.key, element.textContent]));

/** The message for a key, its {0}, {1}... replaced by the arguments (already formatted). */
export function t(key, ...args) {
    const pattern = texts.get(key) ?? key;
    return pattern.replace(/\{(\d+)\}/g, (match, index) => (index < args.length ? String(args[index]) : match));
}

export function has(key) {
    return texts.has(key);
}

const integer = new Intl.NumberFormat(language, {maximumFractionDigits: 0});
const decimal = new Intl.NumberFormat(language, {minimumFractionDigits: 1, maximumFractionDigits: 1});
const dateTime = new Intl.DateTimeFormat(language, {dateStyle: 'short', timeStyle: 'medium'});
const time = new Intl.DateTimeFormat(language, {hour: '2-digit', minute: '2-digit'});
const timeWithSeconds = new Intl.DateTimeFormat(language, {hour: '2-digit', minute: '2-digit', second: '2-digit'});
const date = new Intl.DateTimeFormat(language, {dateStyle: 'long'});
const dayMonth = new Intl.DateTimeFormat(language, {day: '2-digit', month: '2-digit', timeZone: 'UTC'});
const fullDate = new Intl.DateTimeFormat(language, {dateStyle: 'medium', timeZone: 'UTC'});

export const format = {
    language,
    integer: value => integer.format(value),
    decimal: value => decimal.format(value),
    percent: value => `${decimal.format(value)}%`,
    dateTime: iso => dateTime.format(new Date(iso)),
    time: millis => time.format(new Date(millis)),
    timeWithSeconds: millis => timeWithSeconds.format(new Date(millis)),
    date: millis => date.format(new Date(millis)),
    /** A yyyy-MM-dd day, short ("15/01"), or the text itself when it is not a date (the "other" bucket). */
    day: text => (isDay(text) ? dayMonth.format(new Date(`${text}T00:00:00Z`)) : text),
    fullDay: text => (isDay(text) ? fullDate.format(new Date(`${text}T00:00:00Z`)) : text),
};

function isDay(text) {
    return /^\d{4}-\d{2}-\d{2}$/.test(text);
}

/** Shortens long labels (a made-up course name can be 100 characters) for axes; tooltips show them whole. */
export function abbreviate(text, length = 24) {
    return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
const tweens = new WeakMap();

const TWEEN_MILLIS = 600;

/**
 * Shows a number in an element, rolling smoothly from the one shown before. Numbers that change more often
 * than a roll lasts just tick: a stream of rolls would repaint the page at every frame, for good.
 */
export function showNumber(element, value, formatter = format.integer) {
    const tween = tweens.get(element);
    if (!tween) {
        tweens.set(element, {shown: value, target: value, frame: 0, changed: -Infinity});
        element.textContent = formatter(value);
        return;
    }
    if (value === tween.target) {
        // Nothing new: a roll under way carries on.
        return;
    }
    cancelAnimationFrame(tween.frame);
    const from = tween.shown;
    const start = performance.now();
    const streaming = start - tween.changed < TWEEN_MILLIS;
    tween.target = value;
    tween.changed = start;
    if (streaming || reducedMotion.matches || document.hidden) {
        tween.shown = value;
        element.textContent = formatter(value);
        return;
    }
    const step = now => {
        const progress = Math.min(1, Math.max(0, (now - start) / TWEEN_MILLIS));
        tween.shown = progress === 1 ? value : from + (value - from) * (1 - (1 - progress) ** 3);
        element.textContent = formatter(tween.shown);
        if (progress < 1) {
            tween.frame = requestAnimationFrame(step);
        }
    };
    tween.frame = requestAnimationFrame(step);
}
