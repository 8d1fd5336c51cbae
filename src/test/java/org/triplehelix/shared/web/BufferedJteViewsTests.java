package org.triplehelix.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.resolve.DirectoryCodeResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A page is sent only once its template has finished, so a late failure can still become the error page. */
class BufferedJteViewsTests {

    @TempDir
    Path directory;

    private TemplateEngine engine;

    @BeforeEach
    void templates() throws Exception {
        Path sources = Files.createDirectories(directory.resolve("jte"));
        // A list long enough to pass any servlet buffer, then a value that fails while it is read.
        Files.writeString(sources.resolve("list.jte"), """
                @param java.util.List<String> rows
                @param java.util.function.Supplier<String> footer
                <ul>@for(String row : rows)<li>${row}</li>@endfor</ul>
                <footer>${footer.get()}</footer>
                """, StandardCharsets.UTF_8);
        engine = TemplateEngine.create(new DirectoryCodeResolver(sources), directory.resolve("classes"), ContentType.Html);
    }

    private BufferedJteViews.View view() {
        BufferedJteViews.View view = new BufferedJteViews.View(engine);
        view.setUrl("list.jte");
        return view;
    }

    private static List<String> rows() {
        return java.util.stream.IntStream.range(0, 2_000).mapToObj(i -> "第 " + i + " 行 row").toList();
    }

    @Test
    void aTemplateThatFailsLateLeavesTheResponseUnstartedForTheErrorPage() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setBufferSize(8 * 1024);
        Supplier<String> failing = () -> {
            throw new IllegalStateException("the footer cannot be read");
        };

        assertThatThrownBy(() -> view().renderMergedTemplateModel(Map.of("rows", rows(), "footer", failing), new MockHttpServletRequest(), response))
                .hasStackTraceContaining("the footer cannot be read");

        assertThat(response.isCommitted()).isFalse();
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void aPageThatRendersIsSentWholeInUtf8WithItsLength() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        Supplier<String> footer = () -> "页脚 footer";

        view().renderMergedTemplateModel(Map.of("rows", rows(), "footer", footer), new MockHttpServletRequest(), response);

        String page = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<li>第 0 行 row</li>", "<li>第 1999 行 row</li>", "<footer>页脚 footer</footer>");
        assertThat(response.getContentLength()).isEqualTo(page.getBytes(StandardCharsets.UTF_8).length);
        assertThat(response.getCharacterEncoding()).isEqualToIgnoringCase("UTF-8");
    }
}
