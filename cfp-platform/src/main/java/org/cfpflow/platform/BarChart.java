package org.cfpflow.platform;

import java.util.List;
import java.util.Locale;

/**
 * A bar chart as inline SVG, drawn on the server: no script, no library, nothing fetched. Every label is escaped;
 * the chart names itself ({@code role="img"}, a title and a description that reads its numbers), and each bar has a
 * title that a pointer shows.
 */
public record BarChart(String title, List<Bar> bars) {

    private static final int WIDTH = 720;
    private static final int BAR_AREA = 160;
    private static final int ROW = 22;
    private static final int LABEL = 180;

    public record Bar(String label, long value) {
    }

    /** A chart as a page shows it ({@code templates/cfp/chart.html}): its heading, its SVG, its numbers. */
    public record Figure(String title, String svg, List<Bar> bars) {
    }

    /** As rows of bars. */
    public Figure asRows() {
        return new Figure(title, rows(), bars);
    }

    /** As columns side by side, every {@code labelEvery}th labelled. */
    public Figure asColumns(int labelEvery) {
        return new Figure(title, columns(labelEvery), bars);
    }

    public long most() {
        return bars.stream().mapToLong(Bar::value).max().orElse(0);
    }

    /** Upright bars side by side (days, say), labelled below at most every {@code labelEvery}th bar. */
    public String columns(int labelEvery) {
        int n = Math.max(1, bars.size());
        double step = (double) (WIDTH - 40) / n;
        long most = Math.max(1, most());
        StringBuilder svg = open(WIDTH, BAR_AREA + 50);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double h = (double) bar.value() * BAR_AREA / most;
            double x = 30 + i * step;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                    + "fill=\"#3b6ea5\"><title>%s: %d</title></rect>", x, 10 + BAR_AREA - h, Math.max(1, step - 2), h,
                    escape(bar.label()), bar.value()));
            if (i % Math.max(1, labelEvery) == 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#333\">%s</text>",
                        x, BAR_AREA + 28, escape(bar.label())));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"20\" font-size=\"11\" fill=\"#333\">%d</text>", most));
        svg.append(String.format(Locale.ROOT, "<line x1=\"28\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>",
                10 + BAR_AREA, WIDTH - 10, 10 + BAR_AREA));
        return svg.append("</svg>").toString();
    }

    /** One labelled bar per row (tracks, statuses), its number at its end. */
    public String rows() {
        long most = Math.max(1, most());
        StringBuilder svg = open(WIDTH, Math.max(1, bars.size()) * ROW + 10);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double w = (double) bar.value() * (WIDTH - LABEL - 60) / most;
            int y = 5 + i * ROW;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\" "
                    + "fill=\"#333\">%s</text>", LABEL - 8, y + 14, escape(shortened(bar.label()))));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#3b6ea5\">"
                    + "<title>%s: %d</title></rect>", LABEL, y + 2, w, ROW - 6, escape(bar.label()), bar.value()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"#333\">%d</text>",
                    LABEL + w + 6, y + 14, bar.value()));
        }
        return svg.append("</svg>").toString();
    }

    private StringBuilder open(int width, int height) {
        String id = "chart-" + Integer.toHexString(title.hashCode());
        StringBuilder description = new StringBuilder();
        for (Bar bar : bars) {
            description.append(description.isEmpty() ? "" : ", ").append(bar.label()).append(": ").append(bar.value());
        }
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
                + "width=\"100%%\" viewBox=\"0 0 %d %d\" aria-labelledby=\"%s-title %s-desc\"><title id=\"%s-title\">%s"
                + "</title><desc id=\"%s-desc\">%s</desc>", width, height, id, id, id, escape(title), id,
                escape(description.isEmpty() ? "no data" : description.toString())));
    }

    /** A label that fits left of its bar; the bar's title keeps it whole. */
    private static String shortened(String label) {
        return label.length() <= 28 ? label : label.substring(0, 27) + "…";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
