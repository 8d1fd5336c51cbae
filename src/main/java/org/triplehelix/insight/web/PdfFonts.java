package org.triplehelix.insight.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The font the PDF briefings are set in: it must have Chinese glyphs, and a user's machine may
 * have none. In order: the file named by {@code helix.insight.pdf-font} (a TrueType .ttf or .ttc),
 * the TrueType CJK fonts of Debian/Ubuntu (fonts-wqy-microhei, fonts-wqy-zenhei), Windows
 * (Microsoft YaHei, SimSun) and macOS (STHeiti, Arial Unicode), else the subset of WenQuanYi Micro
 * Hei bundled at {@code fonts/insight-cjk.ttf} (Apache-2.0; covers ASCII and the 6,763 characters
 * of GB 2312). Only the glyphs a briefing uses are embedded. A character the font lacks is printed
 * as "?" rather than failing the document. (CFF-based OpenType fonts such as Noto Sans CJK .otf
 * cannot be embedded by PDFBox and are not tried.)
 */
@Component
class PdfFonts {

    static final String BUNDLED = "/fonts/insight-cjk.ttf";
    private static final List<String> SYSTEM = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "C:/Windows/Fonts/msyh.ttc",
            "C:/Windows/Fonts/simsun.ttc",
            "/System/Library/Fonts/STHeiti Light.ttc",
            "/Library/Fonts/Arial Unicode.ttf");

    private final String configured;

    PdfFonts(@Value("${helix.insight.pdf-font:}") String configured) {
        this.configured = configured;
    }

    /** The candidates that exist on this machine, best first. */
    List<String> candidates() {
        List<String> found = new ArrayList<>();
        if (!configured.isBlank()) {
            found.add(configured);
        }
        SYSTEM.stream().filter(p -> Files.isReadable(Path.of(p))).forEach(found::add);
        if (PdfFonts.class.getResource(BUNDLED) != null) {
            found.add("classpath:" + BUNDLED);
        }
        return found;
    }

    /** A font loaded for the document (closed with it), and the TrueType font behind it, for glyph checks. */
    record Loaded(PDType0Font font, TrueTypeFont trueType) {

        /** The text with every character the font lacks replaced by "?". */
        String printable(String text) {
            if (text == null) {
                return "";
            }
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                try {
                    out.appendCodePoint(c == '\n' || c == '\t' ? ' ' : trueType.getUnicodeCmapLookup().getGlyphId(c) > 0 ? c : '?');
                } catch (IOException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }

    Loaded load(PDDocument document) {
        List<String> candidates = candidates();
        if (candidates.isEmpty()) {
            throw new IllegalStateException("No font with Chinese glyphs: set helix.insight.pdf-font to a TrueType font file");
        }
        String source = candidates.getFirst();
        try {
            TrueTypeFont trueType = open(source);
            document.registerTrueTypeFontForClosing(trueType);
            return new Loaded(PDType0Font.load(document, trueType, true), trueType);
        } catch (IOException e) {
            throw new UncheckedIOException("The font " + source + " cannot be read", e);
        }
    }

    private static TrueTypeFont open(String source) throws IOException {
        if (source.startsWith("classpath:")) {
            try (InputStream in = PdfFonts.class.getResourceAsStream(source.substring("classpath:".length()))) {
                return new TTFParser().parse(new RandomAccessReadBuffer(in));
            }
        }
        if (source.toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(Path.of(source).toFile());
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(font -> {
                if (first[0] == null) {
                    first[0] = font;
                }
            });
            return first[0];
        }
        return new TTFParser().parse(new RandomAccessReadBufferedFile(Path.of(source).toFile()));
    }
}
