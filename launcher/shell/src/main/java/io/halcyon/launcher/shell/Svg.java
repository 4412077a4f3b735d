package io.halcyon.launcher.shell;

import java.util.Locale;

/** A small SVG document builder: the few shapes the main job's pictures need, text escaped. */
final class Svg {

    private final StringBuilder body = new StringBuilder();
    private final int width;
    private final int height;

    Svg(int width, int height) {
        this.width = width;
        this.height = height;
        rect(0, 0, width, height, "fill:#ffffff");
    }

    Svg rect(double x, double y, double w, double h, String style) {
        body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" style=\"%s\"/>%n", x, y, w, h, style));
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String style) {
        body.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" style=\"%s\"/>%n", x1, y1, x2, y2, style));
        return this;
    }

    /** {@code anchor}: start, middle or end. */
    Svg text(double x, double y, String text, String anchor, int size) {
        body.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-family=\"sans-serif\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, size, escape(text)));
        return this;
    }

    Svg polyline(double[] xs, double[] ys, String style) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[i], ys[i]));
        }
        body.append("<polyline fill=\"none\" style=\"").append(style).append("\" points=\"").append(points.toString().trim()).append("\"/>\n");
        return this;
    }

    @Override
    public String toString() {
        return String.format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n%s</svg>%n",
                width, height, width, height, body);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
