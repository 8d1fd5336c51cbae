package org.triplehelix.shared.web;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * Pages are rendered whole before a byte is sent. The starter's view writes a template straight
 * into the response; once the container's buffer (8 KB) has been flushed, a template that fails
 * further down can only break the page off under a 200 — the error page cannot be sent any more
 * ("response already committed") and the reader sees half a list with no word of what went wrong.
 * Rendering into memory first costs one copy of the page and lets a failure reach the error page
 * (500 with a trace id, {@link PageErrors}) on a response that has not started.
 */
@Configuration(proxyBeanMethods = false)
class BufferedJteViews {

    /** Replaces the starter's resolver (it backs off when a {@link JteViewResolver} bean exists). */
    @Bean
    JteViewResolver jteViewResolver(TemplateEngine templateEngine, JteProperties properties) {
        return new Resolver(templateEngine, properties);
    }

    static final class Resolver extends JteViewResolver {

        private final TemplateEngine templateEngine;

        Resolver(TemplateEngine templateEngine, JteProperties properties) {
            super(templateEngine, properties);
            this.templateEngine = templateEngine;
        }

        @Override
        protected AbstractUrlBasedView instantiateView() {
            return new View(templateEngine);
        }
    }

    /** The starter's view, rendering into a buffer and sending it only once the template has finished. */
    static final class View extends JteView {

        private final TemplateEngine templateEngine;

        View(TemplateEngine templateEngine) {
            super(templateEngine);
            this.templateEngine = templateEngine;
        }

        @Override
        protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
                HttpServletResponse response) throws Exception {
            Utf8ByteOutput page = new Utf8ByteOutput();
            templateEngine.render(getUrl(), model, page);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(page.getContentLength());
            page.writeTo(response.getOutputStream());
        }
    }
}
