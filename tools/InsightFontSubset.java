import java.io.FileOutputStream;
import java.io.File;
import java.nio.charset.Charset;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * Writes src/main/resources/fonts/insight-cjk.ttf, the fallback font of the PDF briefings (see
 * insight/web/PdfFonts): WenQuanYi Micro Hei (Apache-2.0, Debian's fonts-wqy-microhei) cut down
 * to ASCII, Latin-1, general and CJK punctuation, full-width forms and every character of GB 2312
 * (6,763 Han characters and its symbols). Run from the project directory:
 *
 *   java -cp $(ls ~/.m2/repository/org/apache/pdfbox/{fontbox,pdfbox-io}/3.0.8/{fontbox,pdfbox-io}-3.0.8.jar \
 *       ~/.m2/repository/commons-logging/commons-logging/1.3.5/commons-logging-1.3.5.jar | tr '\n' ':') tools/InsightFontSubset.java \
 *       /usr/share/fonts/truetype/wqy/wqy-microhei.ttc src/main/resources/fonts/insight-cjk.ttf
 */
public class InsightFontSubset {

    public static void main(String[] args) throws Exception {
        TrueTypeCollection collection = new TrueTypeCollection(new File(args[0]));
        TrueTypeFont[] first = new TrueTypeFont[1];
        collection.processAllFonts(font -> { if (first[0] == null) first[0] = font; });
        TTFSubsetter subsetter = new TTFSubsetter(first[0]);
        int added = 0;
        for (int c = 0x20; c <= 0xFF; c++) { subsetter.add(c); added++; }
        for (int c = 0x2000; c <= 0x206F; c++) { subsetter.add(c); added++; }   // general punctuation
        for (int c = 0x3000; c <= 0x303F; c++) { subsetter.add(c); added++; }   // CJK symbols and punctuation
        for (int c = 0xFF00; c <= 0xFFEF; c++) { subsetter.add(c); added++; }   // full-width forms
        Charset gb2312 = Charset.forName("GB2312");
        for (int hi = 0xA1; hi <= 0xF7; hi++) {
            for (int lo = 0xA1; lo <= 0xFE; lo++) {
                String s = new String(new byte[] {(byte) hi, (byte) lo}, gb2312);
                if (s.length() == 1 && s.charAt(0) != '\uFFFD') { subsetter.add(s.charAt(0)); added++; }
            }
        }
        try (FileOutputStream out = new FileOutputStream(args[1])) {
            subsetter.writeToStream(out);
        }
        System.out.println(added + " code points requested; written " + new File(args[1]).length() + " bytes");
    }
}
