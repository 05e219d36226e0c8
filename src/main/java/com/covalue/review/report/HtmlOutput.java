package com.covalue.review.report;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import gg.jte.html.HtmlTemplateOutput;
import gg.jte.output.StringOutput;

/**
 * Output for the HTML templates: every value from the data is made {@linkplain Words#printable
 * printable} and has {@code & < > " '} escaped, in element content and quoted attributes alike
 * (stricter than jte's default, which leaves quotes alone in content).
 */
public final class HtmlOutput implements HtmlTemplateOutput {

    private final TemplateOutput out;

    /** Collects the page in memory, for {@link #toString()}. */
    public HtmlOutput() {
        this(new StringOutput(8192));
    }

    /** Passes the page on to {@code out} as it is written. */
    public HtmlOutput(TemplateOutput out) {
        this.out = out;
    }

    @Override
    public void setContext(String tagName, String attributeName) {
        // one escaping serves both contexts: the templates quote every attribute with "
    }

    @Override
    public void writeContent(String value) {
        out.writeContent(value);
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        out.writeContent(value, beginIndex, endIndex);
    }

    @Override
    public void writeUserContent(String value) {
        if (value != null) {
            out.writeContent(escape(value));
        }
    }

    @Override
    public void writeUserContent(Content content) {
        if (content != null) {
            content.writeTo(this);
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** Escapes text for HTML element content and double-quoted attributes. */
    public static String escape(String raw) {
        String text = Words.printable(raw);
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
