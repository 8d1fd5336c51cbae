package org.triplehelix.insight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF briefing in Chinese with the bundled font alone, as on a machine without any CJK font. */
class BriefingPdfTests {

    @Test
    void setsChineseInTheBundledFontAndMarksWhatItLacks() throws Exception {
        PdfFonts bundled = new PdfFonts("classpath:" + PdfFonts.BUNDLED);
        Briefing briefing = new Briefing(2025, Locale.SIMPLIFIED_CHINESE, "2025 年科技创新基础年度简报", "由登记数据计算",
                List.of("指标", "全部年份", "2025", "目标", "%", "单位"),
                List.of(new Briefing.Headline("校企联合成果", new BigDecimal("12"), new BigDecimal("5"), new BigDecimal("20"), "25 %", "项"),
                        new Briefing.Headline("罕见字𠀋测试", BigDecimal.ONE, BigDecimal.ONE, null, "", "项")),
                List.of(2024, 2025), List.of("校企联合成果"), List.of(List.of(BigDecimal.ONE, new BigDecimal("5"))),
                List.of("市州", "创新主体"), List.of(List.of("武汉市", "38")), "目标值为示例。");

        byte[] pdf = BriefingPdf.write(briefing, bundled);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("2025 年科技创新基础年度简报", "校企联合成果", "武汉市", "罕见字?测试");
        }
    }
}
