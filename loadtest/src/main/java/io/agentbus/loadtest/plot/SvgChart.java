package io.agentbus.loadtest.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A line chart as an inline SVG element: grid, tick labels, axis titles, one polyline per series, a legend. */
final class SvgChart {
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int LEFT = 80;
    private static final int RIGHT = 50;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final int LEGEND_LINE = 18;

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final Axis x;
    private final Axis y;
    private final List<Series> series = new ArrayList<>();

    SvgChart(String title, String xTitle, String yTitle, Axis x, Axis y) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.x = x;
        this.y = y;
    }

    SvgChart add(Series s) {
        series.add(s);
        return this;
    }

    String svg(int width, int height) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        Frame frame = new Frame(LEFT, TOP, width - LEFT - RIGHT, height - TOP - BOTTOM);
        grid(svg, frame);
        for (int i = 0; i < series.size(); i++) {
            line(svg, frame, series.get(i), COLORS[i % COLORS.length]);
            legend(svg, frame, series.get(i).label(), COLORS[i % COLORS.length], i);
        }
        if (series.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">no data</text>%n",
                    LEFT + frame.width / 2, TOP + frame.height / 2));
        }
        return svg.append("</svg>\n").toString();
    }

    private void grid(StringBuilder svg, Frame f) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#444\"/>%n", f.left, f.top, f.width, f.height));
        for (Axis.Tick t : x.ticks()) {
            double px = f.x(x.fraction(t.value()));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px, f.top, px, f.bottom(), px,
                    f.bottom() + 16, escape(t.label())));
        }
        for (Axis.Tick t : y.ticks()) {
            double py = f.y(y.fraction(t.value()));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", f.left, py, f.right(), py,
                    f.left - 6, py + 4, escape(t.label())));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                f.left + f.width / 2, f.bottom() + 38, escape(xTitle)));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(16,%d) rotate(-90)\" "
                + "text-anchor=\"middle\">%s</text>%n", f.top + f.height / 2, escape(yTitle)));
    }

    private void line(StringBuilder svg, Frame f, Series s, String color) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < s.xs().length; i++) {
            if (!Double.isNaN(s.ys()[i])) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", f.x(x.fraction(s.xs()[i])),
                        f.y(y.fraction(s.ys()[i]))));
            }
        }
        svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                + "points=\"%s\"/>%n", color, points.toString().trim()));
    }

    private static void legend(StringBuilder svg, Frame f, String label, String color, int index) {
        int top = f.top + 10 + index * LEGEND_LINE;
        int left = f.left + 12;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                + "stroke-width=\"3\"/><text x=\"%d\" y=\"%d\">%s</text>%n", left, top, left + 20, top, color,
                left + 26, top + 4, escape(label)));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The plotting area, in pixels. */
    private record Frame(int left, int top, int width, int height) {
        int right() {
            return left + width;
        }

        int bottom() {
            return top + height;
        }

        double x(double fraction) {
            return left + clamp(fraction) * width;
        }

        double y(double fraction) {
            return top + height - clamp(fraction) * height;
        }

        private static double clamp(double fraction) {
            return Math.max(0, Math.min(1, fraction));
        }
    }
}
