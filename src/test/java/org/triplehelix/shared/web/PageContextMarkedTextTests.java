package org.triplehelix.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.Content;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.triplehelix.shared.Text;

/** A record's text shown in the other language for want of one in the page's is marked with its lang (WCAG 3.1.2), and escaped. */
class PageContextMarkedTextTests {

    private static PageContext page(Locale locale) {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("heading", Locale.ENGLISH, "The <base> of {0} & {1}");
        return new PageContext(locale, messages, new MockHttpServletRequest("GET", "/"));
    }

    /** As a template's ${…} in an element's body writes it. */
    private static String body(Content content) {
        StringOutput out = new StringOutput();
        OwaspHtmlTemplateOutput html = new OwaspHtmlTemplateOutput(out);
        html.setContext("td", null);
        html.writeUserContent(content);
        return out.toString();
    }

    @Test
    void aChineseOnlyNameOnTheEnglishPageIsMarkedChinese() {
        PageContext english = page(Locale.ENGLISH);
        assertThat(body(english.marked(new Text("光谷实验室", null)))).isEqualTo("<span lang=\"zh-CN\">光谷实验室</span>");
        assertThat(body(english.marked("光谷实验室", " "))).isEqualTo("<span lang=\"zh-CN\">光谷实验室</span>");
        assertThat(english.fallbackLang(new Text("光谷实验室", null))).isEqualTo("zh-CN");
    }

    @Test
    void anEnglishOnlyTitleOnTheChinesePageIsMarkedEnglish() {
        PageContext chinese = page(Locale.SIMPLIFIED_CHINESE);
        assertThat(body(chinese.marked(new Text(null, "Optics Valley Lab")))).isEqualTo("<span lang=\"en\">Optics Valley Lab</span>");
        assertThat(chinese.fallbackLang(null, "Optics Valley Lab")).isEqualTo("en");
    }

    @Test
    void aTextInThePagesLanguageIsNotMarked() {
        Text both = new Text("光谷实验室", "Optics Valley Lab");
        assertThat(body(page(Locale.ENGLISH).marked(both))).isEqualTo("Optics Valley Lab");
        assertThat(body(page(Locale.SIMPLIFIED_CHINESE).marked(both))).isEqualTo("光谷实验室");
        assertThat(body(page(Locale.SIMPLIFIED_CHINESE).marked(new Text("光谷实验室", null)))).isEqualTo("光谷实验室");
        assertThat(page(Locale.ENGLISH).fallbackLang(both)).isNull();
        assertThat(page(Locale.ENGLISH).fallbackLang((Text) null)).isNull();
    }

    @Test
    void nothingIsWrittenForNoText() {
        assertThat(body(page(Locale.ENGLISH).marked((Text) null))).isEmpty();
        assertThat(body(page(Locale.ENGLISH).marked(null, null))).isEmpty();
        assertThat(page(Locale.ENGLISH).marked((Text) null).isEmptyContent()).isTrue();
    }

    @Test
    void theTextIsEscapedMarkedOrNot() {
        assertThat(body(page(Locale.ENGLISH).marked(new Text("<b>实验室</b> & co", null))))
                .isEqualTo("<span lang=\"zh-CN\">&lt;b&gt;实验室&lt;/b&gt; &amp; co</span>");
        assertThat(body(page(Locale.ENGLISH).marked(new Text(null, "<script>x</script>"))))
                .doesNotContain("<script>").contains("&lt;script&gt;");
        StringOutput plain = new StringOutput();
        page(Locale.ENGLISH).marked(new Text("<i>实验室</i>", null)).writeTo(plain);
        assertThat(plain.toString()).isEqualTo("<span lang=\"zh-CN\">&lt;i&gt;实验室&lt;/i&gt;</span>");
    }

    @Test
    void aNameInsideAMessageIsMarkedInItsPlaceAndTheMessageEscaped() {
        PageContext english = page(Locale.ENGLISH);
        assertThat(body(english.markedMsg("heading", english.marked(new Text("<光谷>", null)), "<i>")))
                .isEqualTo("The &lt;base&gt; of <span lang=\"zh-CN\">&lt;光谷&gt;</span> &amp; &lt;i&gt;");
        assertThat(body(english.markedMsg("heading", english.marked(new Text("光谷", "Optics Valley")), english.marked((Text) null))))
                .isEqualTo("The &lt;base&gt; of Optics Valley &amp; ");
    }
}
