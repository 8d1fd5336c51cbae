package org.triplehelix.shared.web;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.escape.Escape;

/**
 * A text for a template's body, escaped, inside {@code <span lang="…">} when {@code lang} is given (the text is in the
 * other language than the page's); see {@link PageContext#marked}. The lang is one of the two fixed codes, never user text.
 */
record MarkedText(String value, String lang) implements Content {

    static final MarkedText NONE = new MarkedText(null, null);

    @Override
    public void writeTo(TemplateOutput output) {
        if (value == null) {
            return;
        }
        if (lang != null) {
            output.writeContent("<span lang=\"" + lang + "\">");
        }
        if (output instanceof HtmlTemplateOutput html) {
            html.writeUserContent(value); // escaped for where it stands
        } else {
            Escape.htmlContent(value, output);
        }
        if (lang != null) {
            output.writeContent("</span>");
        }
    }

    @Override
    public boolean isEmptyContent() {
        return value == null;
    }
}
