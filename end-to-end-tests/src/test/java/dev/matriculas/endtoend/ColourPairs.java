package dev.matriculas.endtoend;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The colour pairs the page shows in its current theme, read from the live page, with their WCAG contrast ratios:
 * the theme's text, accent and state colours on the backgrounds they are used on (highlighted rows, chips, banners
 * included), and what the charts draw on their canvases, which axe-core cannot see: every text a chart writes
 * (ticks, legends, the shares on the slices) with the colour it was written in, caught as the charts draw, and
 * every bar, slice and line against the card; and the whole chart palette the scripts read from the theme, so a
 * colour no chart happens to show at the moment is held too.
 */
final class ColourPairs {

    /** A text needs 4.5:1 against its background; a graphic a user must see (a bar, a slice, a line, a dot) 3:1. */
    static final double TEXT = 4.5;
    static final double GRAPHIC = 3;

    record Pair(String name, double ratio, double minimum) {

        boolean enough() {
            return ratio >= minimum;
        }

        @Override
        public String toString() {
            return "%s %.2f:1 (needs %.1f)".formatted(name, ratio, minimum);
        }
    }

    private static final Pattern RGB = Pattern.compile("rgba?\\(([\\d.]+), ([\\d.]+), ([\\d.]+)(?:, ([\\d.]+))?\\)");

    /** Each pair as {name, foreground, [backgrounds, bottom first], minimum}, colours as the browser computes them. */
    private static final String SCRIPT = """
            const probe = document.body.appendChild(document.createElement('span'));
            const rgb = colour => { probe.style.color = ''; probe.style.color = colour; return getComputedStyle(probe).color; };
            const css = getComputedStyle(document.documentElement);
            const v = name => rgb(css.getPropertyValue(name).trim());
            const withAlpha = (colour, alpha) => colour.replace(/rgba?\\(([^,]+), ([^,]+), ([^,)]+).*/, `rgba($1, $2, $3, ${alpha})`);
            const pairs = [];
            const pair = (name, fg, bg, min) => pairs.push([name, rgb(fg), bg.map(rgb), min]);
            const [TEXT, GRAPHIC] = arguments;
            const surface = v('--surface');
            // Each background and the colours of the text written on it.
            const places = [
                ['page', [v('--bg')], ['--text', '--muted', '--accent']],
                ['card', [surface], ['--text', '--muted', '--accent']],
                ['raised card (table head, profile, button)', [v('--surface-raised')], ['--text', '--muted', '--accent']],
                ['highlighted new row', [surface, v('--row-flash')], ['--text', '--muted']],
                ['chip, hovered row', [surface, v('--accent-soft')], ['--text', '--muted', '--accent']],
            ];
            for (const tone of ['--accent', '--warn', '--error']) {
                // A banner's background is color-mix(in srgb, tone 12%, surface): the tone at 12 % over the card.
                places.push([`${tone} banner`, [surface, withAlpha(v(tone), 0.12)], ['--text']]);
            }
            for (const [place, bg, colours] of places) {
                colours.forEach(colour => pair(`${colour} text on ${place}`, v(colour), bg, TEXT));
            }
            pair('--accent-text on --accent (skip link, current language)', v('--accent-text'), [v('--accent')], TEXT);
            for (const colour of ['--ok', '--warn', '--error', '--accent', '--muted']) {
                pair(`${colour} status dot on card`, v(colour), [surface], GRAPHIC);
            }
            pair('--accent focus ring on page', v('--accent'), [v('--bg')], GRAPHIC);
            // The whole chart palette the scripts read, whichever values the charts happen to show now.
            for (let n = 1; n <= 8; n++) {
                pair(`--chart-${n} series on card`, v(`--chart-${n}`), [surface], GRAPHIC);
                pair(`--chart-on-series share written on --chart-${n}`, v('--chart-on-series'), [v(`--chart-${n}`)], TEXT);
            }
            pair('--chart-faded left-out value on card', v('--chart-faded'), [surface], GRAPHIC);
            pair('--chart-text axis and legend text on card', v('--chart-text'), [surface], TEXT);

            const written = [];
            const fillText = CanvasRenderingContext2D.prototype.fillText;
            CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
                written.push({chart: this.canvas.id, text: String(text), style: this.fillStyle, x, y});
                return fillText.call(this, text, x, y, ...rest);
            };
            try {
                document.querySelectorAll('canvas').forEach(canvas => Chart.getChart(canvas).draw());
            } finally {
                CanvasRenderingContext2D.prototype.fillText = fillText;
            }
            for (const {chart: id, text, style, x, y} of written) {
                const chart = Chart.getChart(document.getElementById(id));
                const arc = chart.config.type === 'doughnut'
                    && chart.getDatasetMeta(0).data.find(element => element.inRange(x, y));
                pair(`${id} text "${text}"` + (arc ? ' on its slice' : ''), style,
                    arc ? [surface, arc.options.backgroundColor] : [surface], TEXT);
            }
            for (const canvas of document.querySelectorAll('canvas')) {
                const chart = Chart.getChart(canvas);
                chart.data.datasets.forEach((dataset, index) => {
                    const meta = chart.getDatasetMeta(index);
                    if (meta.dataset) {
                        pair(`${canvas.id} line`, meta.dataset.options.borderColor, [surface], GRAPHIC);
                    } else {
                        meta.data.forEach((element, at) => pair(`${canvas.id} ${dataset.label ?? ''} ${chart.data.labels[at]}`,
                            element.options.backgroundColor, [surface], GRAPHIC));
                    }
                });
            }
            probe.remove();
            return pairs;
            """;

    private ColourPairs() {
    }

    static List<Pair> of(Browser browser) {
        List<List<Object>> raw = browser.script(SCRIPT, TEXT, GRAPHIC);
        return raw.stream().map(pair -> {
            @SuppressWarnings("unchecked")
            List<String> backgrounds = (List<String>) pair.get(2);
            double[] background = parse(backgrounds.get(0));
            for (String layer : backgrounds.subList(1, backgrounds.size())) {
                background = over(parse(layer), background);
            }
            double[] foreground = over(parse((String) pair.get(1)), background);
            return new Pair((String) pair.get(0), ratio(foreground, background), ((Number) pair.get(3)).doubleValue());
        }).distinct().toList();
    }

    /** An sRGB colour as [r, g, b, alpha], channels 0 to 255. */
    static double[] parse(String colour) {
        Matcher rgb = RGB.matcher(colour);
        if (!rgb.matches()) {
            throw new IllegalArgumentException("not an rgb() or rgba() colour: " + colour);
        }
        return new double[] {Double.parseDouble(rgb.group(1)), Double.parseDouble(rgb.group(2)),
                Double.parseDouble(rgb.group(3)), rgb.group(4) == null ? 1 : Double.parseDouble(rgb.group(4))};
    }

    /** {@code top} painted over the opaque {@code bottom}. */
    static double[] over(double[] top, double[] bottom) {
        double alpha = top[3];
        return new double[] {top[0] * alpha + bottom[0] * (1 - alpha), top[1] * alpha + bottom[1] * (1 - alpha),
                top[2] * alpha + bottom[2] * (1 - alpha), 1};
    }

    /** WCAG 2.1's contrast ratio of two opaque colours, 1 to 21. */
    static double ratio(double[] a, double[] b) {
        double lighter = Math.max(luminance(a), luminance(b));
        double darker = Math.min(luminance(a), luminance(b));
        return (lighter + 0.05) / (darker + 0.05);
    }

    private static double luminance(double[] colour) {
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double channel = colour[i] / 255;
            linear[i] = channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }
}
