package org.triplehelix.insight.web;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The briefing as an A4 PDF: the headline table, a chart of the year against its targets, the trends and the prefectures. */
final class BriefingPdf {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final Color BLUE = new Color(0x0b, 0x4a, 0x8b);
    private static final Color RED = new Color(0xb3, 0x26, 0x1e);
    private static final Color GREY = new Color(0x66, 0x6e, 0x78);

    private final PDDocument document;
    private final PdfFonts.Loaded font;
    private PDPageContentStream page;
    private float y;

    private BriefingPdf(PDDocument document, PdfFonts.Loaded font) {
        this.document = document;
        this.font = font;
    }

    static byte[] write(Briefing briefing, PdfFonts fonts) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(briefing.title());
            info.setCreator("Triple Helix");
            BriefingPdf pdf = new BriefingPdf(document, fonts.load(document));
            pdf.newPage();
            pdf.content(briefing);
            pdf.page.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void content(Briefing briefing) throws IOException {
        text(briefing.title(), MARGIN, 18, BLUE);
        y -= 26;
        text(briefing.generated(), MARGIN, 9, GREY);
        y -= 22;
        heading(headlineTitle(briefing));
        float[] widths = {205, 70, 60, 60, 40, 60};
        row(briefing.headlineHeader(), widths, 9, true);
        for (Briefing.Headline h : briefing.headlines()) {
            row(List.of(h.name(), Requests.number(h.total()), Requests.number(h.ofYear()),
                    h.target() == null ? "–" : Requests.number(h.target()), h.progress(), h.unit()), widths, 9, false);
        }
        y -= 8;
        chart(briefing);
        y -= 8;
        trends(briefing);
        y -= 8;
        prefectures(briefing);
        y -= 10;
        space(14);
        text(briefing.note(), MARGIN, 8, GREY);
    }

    private static String headlineTitle(Briefing briefing) {
        return briefing.locale().getLanguage().equals("en") ? "Headline indicators" : "主要指标";
    }

    /** Horizontal bars: each indicator with a target, the year's value (filled) against the target (outlined). */
    private void chart(Briefing briefing) throws IOException {
        List<Briefing.Headline> targeted = briefing.headlines().stream().filter(h -> h.target() != null).toList();
        if (targeted.isEmpty()) {
            return;
        }
        heading(briefing.headlineHeader().get(2) + " / " + briefing.headlineHeader().get(3));
        double max = targeted.stream().mapToDouble(h -> Math.max(h.target().doubleValue(), h.ofYear().doubleValue())).max().orElse(1);
        float labelWidth = 180;
        float barWidth = WIDTH - labelWidth - 40;
        for (Briefing.Headline h : targeted) {
            space(20);
            text(fit(h.name(), labelWidth - 6, 8), MARGIN, 8, Color.BLACK);
            float actual = (float) (barWidth * h.ofYear().doubleValue() / Math.max(max, 1e-9));
            float target = (float) (barWidth * h.target().doubleValue() / Math.max(max, 1e-9));
            page.setNonStrokingColor(BLUE);
            page.addRect(MARGIN + labelWidth, y - 2, Math.max(actual, 0.5f), 10);
            page.fill();
            page.setStrokingColor(RED);
            page.setLineWidth(1);
            page.addRect(MARGIN + labelWidth, y - 3, target, 12);
            page.stroke();
            text(Requests.number(h.ofYear()) + " / " + Requests.number(h.target()), MARGIN + labelWidth + Math.max(actual, target) + 4, 7, GREY);
            y -= 16;
        }
    }

    private void trends(Briefing briefing) throws IOException {
        if (briefing.trendNames().isEmpty()) {
            return;
        }
        heading(briefing.locale().getLanguage().equals("en") ? "Trend by year" : "逐年趋势");
        float[] widths = new float[briefing.years().size() + 1];
        widths[0] = WIDTH - 34.5f * briefing.years().size();
        for (int i = 1; i < widths.length; i++) {
            widths[i] = 34.5f;
        }
        List<String> header = new ArrayList<>(List.of(""));
        briefing.years().forEach(yr -> header.add(String.valueOf(yr)));
        row(header, widths, 7, true);
        for (int t = 0; t < briefing.trendNames().size(); t++) {
            List<String> cells = new ArrayList<>(List.of(briefing.trendNames().get(t)));
            for (BigDecimal value : briefing.trends().get(t)) {
                cells.add(Requests.number(value));
            }
            row(cells, widths, 7, false);
        }
    }

    private void prefectures(Briefing briefing) throws IOException {
        if (briefing.prefectureHeader().size() < 2) {
            return;
        }
        heading(briefing.locale().getLanguage().equals("en") ? "By prefecture" : "分市州");
        int columns = briefing.prefectureHeader().size();
        float[] widths = new float[columns];
        widths[0] = 120;
        for (int i = 1; i < columns; i++) {
            widths[i] = (WIDTH - 120) / (columns - 1);
        }
        row(briefing.prefectureHeader(), widths, 7, true);
        for (List<String> cells : briefing.prefectures()) {
            row(cells, widths, 7, false);
        }
    }

    private void heading(String title) throws IOException {
        space(40);
        y -= 6;
        text(title, MARGIN, 12, BLUE);
        y -= 18;
    }

    private void row(List<String> cells, float[] widths, float size, boolean header) throws IOException {
        space(size + 8);
        float x = MARGIN;
        for (int i = 0; i < cells.size() && i < widths.length; i++) {
            text(fit(cells.get(i), widths[i] - 4, size), x, size, header ? GREY : Color.BLACK);
            x += widths[i];
        }
        page.setStrokingColor(new Color(0xdd, 0xe4, 0xec));
        page.setLineWidth(0.5f);
        page.moveTo(MARGIN, y - 3);
        page.lineTo(MARGIN + WIDTH, y - 3);
        page.stroke();
        y -= size + 6;
    }

    private void text(String value, float x, float size, Color color) throws IOException {
        page.beginText();
        page.setFont(font.font(), size);
        page.setNonStrokingColor(color);
        page.newLineAtOffset(x, y);
        page.showText(font.printable(value));
        page.endText();
    }

    /** The text cut (with an ellipsis) to fit the width at the size. */
    private String fit(String value, float width, float size) throws IOException {
        String text = font.printable(value);
        if (widthOf(text, size) <= width) {
            return text;
        }
        while (!text.isEmpty() && widthOf(text + "…", size) > width) {
            text = text.substring(0, text.offsetByCodePoints(text.length(), -1));
        }
        return font.printable(text + "…");
    }

    private float widthOf(String text, float size) throws IOException {
        return font.font().getStringWidth(text) / 1000 * size;
    }

    private void space(float needed) throws IOException {
        if (y - needed < MARGIN) {
            page.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }
}
