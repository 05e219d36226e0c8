package com.covalue.review.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.output.WriterOutput;
import java.io.Writer;

/**
 * The jte templates under {@code src/main/jte}, compiled to classes at build time by the
 * jte-maven-plugin: {@code html/} with every {@code ${...}} escaped by {@link HtmlOutput},
 * {@code plain/} (text and Markdown) written as given. Engines are thread-safe and shared.
 */
public final class Templates {

    private static final TemplateEngine HTML = precompiled(ContentType.Html, "com.covalue.templates.html");
    private static final TemplateEngine PLAIN = precompiled(ContentType.Plain, "com.covalue.templates.plain");

    private Templates() {
    }

    /** Renders {@code src/main/jte/html/NAME} with its one parameter. */
    public static String html(String name, Object param) {
        HtmlOutput out = new HtmlOutput();
        HTML.render(name, param, out);
        return out.toString();
    }

    /** Renders {@code src/main/jte/html/NAME} onto {@code writer} as it goes: a large page is never held whole. */
    public static void html(String name, Object param, Writer writer) {
        HTML.render(name, param, new HtmlOutput(new WriterOutput(writer)));
    }

    /** Renders {@code src/main/jte/plain/NAME} with its one parameter. */
    public static String plain(String name, Object param) {
        StringOutput out = new StringOutput();
        PLAIN.render(name, param, out);
        return out.toString();
    }

    /** Renders {@code src/main/jte/plain/NAME} onto {@code writer} as it goes. */
    public static void plain(String name, Object param, Writer writer) {
        PLAIN.render(name, param, new WriterOutput(writer));
    }

    private static TemplateEngine precompiled(ContentType type, String packageName) {
        return TemplateEngine.createPrecompiled(null, type, Templates.class.getClassLoader(), packageName);
    }
}
