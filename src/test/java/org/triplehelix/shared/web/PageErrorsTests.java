package org.triplehelix.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;

/** A page's refusal or conflict with a message key is said on the error page in the reader's language. */
class PageErrorsTests {

    @Controller
    static class Page {
        String show() {
            return "page";
        }
    }

    private final StaticMessageSource messages = new StaticMessageSource();
    private final PageErrors errors = new PageErrors(messages);

    PageErrorsTests() {
        messages.addMessage("demo.closed", Locale.CHINA, "挑战“{0}”已截止");
        messages.addMessage("demo.closed", Locale.ENGLISH, "The challenge “{0}” is closed");
        messages.addMessage("web.error.parameter", Locale.ENGLISH, "“{0}” cannot be read as given: “{1}”");
        messages.addMessage("web.error.parameterMissing", Locale.ENGLISH, "“{0}” is missing");
    }

    private ModelAndView resolve(Exception e, Locale locale) throws NoSuchMethodException {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/challenges/c1/apply");
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, new FixedLocaleResolver(locale));
        HandlerMethod handler = new HandlerMethod(new Page(), Page.class.getDeclaredMethod("show"));
        return errors.resolveException(request, new MockHttpServletResponse(), handler, e);
    }

    @Test
    void aKeyedConflictIsSaidInTheReadersLanguage() throws Exception {
        ModelAndView zh = resolve(new ConflictException("challenge c1 is closed", "demo.closed", "c1"), Locale.CHINA);
        assertThat(zh.getStatus().value()).isEqualTo(409);
        assertThat(zh.getModel().get("reason")).isEqualTo("挑战“c1”已截止");
        ModelAndView en = resolve(new ConflictException("challenge c1 is closed", "demo.closed", "c1"), Locale.ENGLISH);
        assertThat(en.getModel().get("reason")).isEqualTo("The challenge “c1” is closed");
    }

    @Test
    void aKeyedRefusalIsSaidToo() throws Exception {
        ModelAndView mv = resolve(new InvalidInputException("id", "challenge c1 is closed", "demo.closed", "c1"), Locale.CHINA);
        assertThat(mv.getStatus().value()).isEqualTo(400);
        assertThat(mv.getModel().get("reason")).isEqualTo("挑战“c1”已截止");
    }

    @Test
    void withoutAKeyThePageKeepsItsGeneralText() throws Exception {
        ModelAndView mv = resolve(new ConflictException("stale version"), Locale.CHINA);
        assertThat(mv.getStatus().value()).isEqualTo(409);
        assertThat(mv.getModel().get("reason")).isNull();
        assertThat(new ConflictException("stale version").keyOr("page.fallback")).isEqualTo("page.fallback");
    }

    /** A form field or parameter that is not of its type or missing is named, with what was typed (cut short, no control characters). */
    @Test
    void aParameterNotOfItsTypeIsNamedWithTheValueGiven() throws Exception {
        org.springframework.core.MethodParameter parameter = new org.springframework.core.MethodParameter(Page.class.getDeclaredMethod("show"), -1);
        ModelAndView mismatch = resolve(new org.springframework.web.method.annotation.MethodArgumentTypeMismatchException(
                "x".repeat(50) + "\u0007", Integer.class, "weeks", parameter, new NumberFormatException()), Locale.ENGLISH);
        assertThat(mismatch.getStatus().value()).isEqualTo(400);
        assertThat(mismatch.getModel().get("reason")).isEqualTo("“weeks” cannot be read as given: “" + "x".repeat(40) + "…”");
        ModelAndView control = resolve(new org.springframework.web.method.annotation.MethodArgumentTypeMismatchException(
                "a\u0007b", Integer.class, "minutes", parameter, new NumberFormatException()), Locale.ENGLISH);
        assertThat(control.getModel().get("reason")).isEqualTo("“minutes” cannot be read as given: “a\uFFFDb”");
        ModelAndView missing = resolve(new org.springframework.web.bind.MissingServletRequestParameterException("start", "String"), Locale.ENGLISH);
        assertThat(missing.getStatus().value()).isEqualTo(400);
        assertThat(missing.getModel().get("reason")).isEqualTo("“start” is missing");
    }
}
