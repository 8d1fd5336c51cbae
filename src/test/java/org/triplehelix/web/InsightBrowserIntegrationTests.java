package org.triplehelix.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.triplehelix.access.DataScope;
import org.triplehelix.insight.InsightSummaries;
import org.triplehelix.registry.ImportListener;
import org.triplehelix.registry.ImportSource;
import org.triplehelix.registry.RegistryImport;

/**
 * The insight dashboards in a real browser, in Chinese and in English, on the demo's illustrative
 * records (labs, facilities, enterprises and their joint outputs, imported as the demo does): the
 * overview, the Hubei map and the collaboration network render (screenshots under
 * target/insight-screenshots), a click on a number and a click on a prefecture list exactly the
 * records counted, and the PDF briefing downloads and opens.
 */
class InsightBrowserIntegrationTests extends BrowserTests {

    static final Path SHOTS = Path.of("target", "insight-screenshots");

    @Autowired
    ApplicationContext application;

    @BeforeAll
    void demo() throws URISyntaxException {
        Path illustrative = Path.of(InsightBrowserIntegrationTests.class.getResource("/demo/illustrative.jsonl").toURI());
        application.getBean(DataScope.class).asSystem(() -> application.getBean(RegistryImport.class)
                .run(List.of(ImportSource.of(illustrative, true)), ImportListener.NONE));
        application.getBean(InsightSummaries.class).refreshNow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void theOverviewRendersAndANumberListsItsRecords(String lang) {
        open("/insight?lang=" + lang);
        assertThat(page.locator("h1")).hasText(lang.equals("zh") ? "科技创新指标" : "Innovation indicators");
        assertThat(page.locator(".insight-trend canvas").first()).isVisible();
        shot("overview-" + lang);

        Locator number = page.locator("li[data-code='organization.platforms'] a.insight-value");
        int counted = Integer.parseInt(number.getAttribute("data-value"));
        assertThat(counted).as("the demo's labs, facilities and institutions").isGreaterThanOrEqualTo(20);
        number.click();
        page.waitForURL("**/insight/indicators/organization.platforms/records");
        assertThat(page.locator("#records-summary")).hasAttribute("data-total", String.valueOf(counted));
        assertThat(page.locator("#insight-records tbody tr")).hasCount(Math.min(counted, 50));
        assertThat(page.locator("#insight-records .badge-illustrative").first()).isVisible();
        shot("records-" + lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void theMapRendersAndAPrefectureListsItsRecords(String lang) {
        open("/insight/map?lang=" + lang);
        assertThat(page.locator("#insight-map")).hasAttribute("data-ready", "true");
        assertThat(page.locator("#insight-map canvas").first()).isVisible();
        shot("map-" + lang);
        int wuhan = Integer.parseInt(page.locator("#map-table tr[data-region='420100'] a").textContent().replace(",", ""));
        assertThat(wuhan).isPositive();

        // where Wuhan's centre (114.30° E, 30.58° N) is drawn on the canvas
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) page.evaluate("""
                () => echarts.getInstanceByDom(document.getElementById('insight-map'))
                        .convertToPixel({ seriesIndex: 0 }, [114.30, 30.58])""");
        BoundingBox box = page.locator("#insight-map").boundingBox();
        page.mouse().click(box.x + point.get(0).doubleValue(), box.y + point.get(1).doubleValue());
        page.waitForURL("**/records?**region=420100**");
        assertThat(page.locator("#records-summary")).hasAttribute("data-total", String.valueOf(wuhan));
        assertThat(page.locator("#insight-records tbody tr")).hasCount(Math.min(wuhan, 50));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void theNetworkRendersTheDemoCollaborations(String lang) {
        open("/insight/network?lang=" + lang);
        assertThat(page.locator("#insight-network")).hasAttribute("data-ready", "true");
        assertThat(page.locator("#insight-network canvas").first()).isVisible();
        assertThat(page.locator("#network-table tbody tr").count()).isPositive();
        assertThat(page.locator("#network-table")).containsText(lang.equals("zh") ? "（示例）" : "(illustrative)");
        shot("network-" + lang);
        Locator strongest = page.locator("#network-table tbody tr").first().locator("td.number a");
        String shared = strongest.textContent().strip();
        strongest.click();
        page.waitForURL("**/insight/network/shared?**");
        assertThat(page.locator("#records-summary")).hasAttribute("data-total", shared);
        assertThat(page.locator("#insight-records tbody tr")).hasCount(Integer.parseInt(shared));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void theBriefingDownloadsAsAPdfThatOpens(String lang) throws Exception {
        open("/insight?lang=" + lang);
        Download download = page.waitForDownload(() -> page.locator("#briefing-pdf").click());
        Path pdf = SHOTS.resolve("briefing-" + lang + ".pdf");
        Files.createDirectories(SHOTS);
        download.saveAs(pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isPositive();
            assertThat(new PDFTextStripper().getText(document)).contains(lang.equals("zh") ? "科技创新平台" : "Innovation platforms");
        }
    }

    private void shot(String name) {
        try {
            Files.createDirectories(SHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setPath(SHOTS.resolve("insight-" + name + ".png")).setFullPage(true));
    }
}
