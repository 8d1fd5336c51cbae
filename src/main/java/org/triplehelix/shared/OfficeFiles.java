package org.triplehelix.shared;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the spreadsheets an office fills in look like, for every module that imports them: CSV
 * saved by Excel on Chinese Windows in GBK without a BOM, headers typed in any case and spacing,
 * lists separated the way a Chinese user separates them, workbooks named after another format.
 */
public final class OfficeFiles {

    /** Excel's "CSV (逗号分隔)" on Chinese Windows is GBK; GB18030 reads it and everything else a Chinese Windows writes. */
    public static final Charset GB18030 = Charset.forName("GB18030");
    /**
     * Items of a list cell: {@code ;} as the templates say, and {@code ；}, {@code 、}, {@code ，} as
     * Chinese users type them. Not the ASCII comma: it is the CSV's own, and chemistry writes 1,3-丁二烯.
     */
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;；、，]");
    private static final Pattern HEADER_SPACE = Pattern.compile("[\\s\\-]+");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};
    /** UTF-32LE's BOM begins as UTF-16LE's does; no office tool writes it, and it is not taken for UTF-16. */
    private static final byte[] UTF32LE_BOM = {(byte) 0xFF, (byte) 0xFE, 0, 0};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private OfficeFiles() {
    }

    /**
     * The encoding of text that has no BOM: UTF-8 when the bytes are strict UTF-8, else GB18030
     * when they are strict GB18030, else empty (neither: refuse the file rather than import
     * mojibake). {@code whole} says the bytes are the whole file; a sample's last character may be
     * cut and is no error then.
     */
    public static Optional<Charset> encoding(byte[] bytes, int length, boolean whole) {
        if (decodes(bytes, length, whole, StandardCharsets.UTF_8)) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        return decodes(bytes, length, whole, GB18030) ? Optional.of(GB18030) : Optional.empty();
    }

    /** Whether the bytes begin with the UTF-8 byte order mark (Excel's "CSV UTF-8" writes one). */
    public static boolean hasUtf8Bom(byte[] bytes) {
        return startsWith(bytes, UTF8_BOM);
    }

    /**
     * The UTF-16 encoding the bytes declare by beginning with its byte order mark: UTF-16LE after
     * {@code FF FE} (Excel's "Unicode Text", Notepad's "Unicode"), UTF-16BE after {@code FE FF}, else
     * empty. The mark is two bytes long, and is not part of the text. Without a mark UTF-16 is not
     * guessed: such text holds NUL bytes ({@link #holdsNul}) and is refused.
     */
    public static Optional<Charset> utf16Bom(byte[] bytes) {
        if (startsWith(bytes, UTF16LE_BOM) && !startsWith(bytes, UTF32LE_BOM)) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return startsWith(bytes, UTF16BE_BOM) ? Optional.of(StandardCharsets.UTF_16BE) : Optional.empty();
    }

    /**
     * Whether the first {@code length} bytes hold a NUL byte. No text a person types holds one, in
     * UTF-8 or GB18030 (both of which would decode it without complaint), but UTF-16 saved without
     * its byte order mark holds one in every other byte of its ASCII (the header, the commas, the line
     * breaks): such a file is refused by name rather than imported with a NUL between every letter.
     */
    public static boolean holdsNul(byte[] bytes, int length) {
        for (int i = 0; i < Math.min(length, bytes.length); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The cell separator of a text table from its beginning: TAB when the first line that holds a
     * comma or a TAB (the header, or a title row above it, which Excel pads with separators) holds
     * TABs and no comma, as Excel's "Unicode Text (*.txt)" and "Text (Tab delimited)" save a sheet;
     * else the comma of CSV.
     */
    public static char separator(CharSequence head) {
        SeparatorScan scan = new SeparatorScan();
        for (int i = 0; i < head.length() && !scan.decided(); i++) {
            scan.accept(head.charAt(i));
        }
        return scan.separator();
    }

    /**
     * {@link #separator(CharSequence)} decided as the text goes by, for a text read a buffer at a time: a comma, or a
     * line end after a TAB, decides it; what comes after is not looked at.
     */
    public static final class SeparatorScan {

        private char decided;
        private boolean tab;

        public void accept(char c) {
            if (decided != 0) {
                return;
            }
            if (c == ',') {
                decided = ',';
            } else if (c == '\t') {
                tab = true;
            } else if (c == '\n' && tab) {
                decided = '\t';
            }
        }

        public boolean decided() {
            return decided != 0;
        }

        /** The separator of the text seen so far: as decided, else TAB when a TAB was seen, else the comma. */
        public char separator() {
            return decided != 0 ? decided : tab ? '\t' : ',';
        }
    }

    /** Whether the bytes begin a zip file, as every XLSX workbook does. */
    public static boolean isZip(byte[] bytes) {
        return startsWith(bytes, ZIP);
    }

    /** Whether the bytes begin an Excel 97-2003 workbook (.xls, OLE2). */
    public static boolean isOldExcel(byte[] bytes) {
        return startsWith(bytes, OLE2);
    }

    /** A decoder that refuses what is not its encoding, instead of replacing it with U+FFFD. */
    public static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * A header cell as a column name: no BOM, full-width letters and spaces as ASCII (NFKC),
     * trimmed, lower case, runs of spaces (also no-break ones) and hyphens as one underscore:
     * {@code Name ZH}, {@code NAME-EN} and {@code ｉｄ} are {@code name_zh}, {@code name_en}, {@code id}.
     */
    public static String column(String header) {
        if (header == null) {
            return "";
        }
        String plain = Normalizer.normalize(header.replace("\uFEFF", ""), Normalizer.Form.NFKC).strip();
        return HEADER_SPACE.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("_");
    }

    /** The items of a list cell, trimmed, empty ones dropped. */
    public static List<String> items(String cell) {
        return cell == null ? List.of()
                : Arrays.stream(LIST_SEPARATOR.split(cell)).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private static boolean decodes(byte[] bytes, int length, boolean whole, Charset charset) {
        CharsetDecoder decoder = strict(charset);
        CharBuffer out = CharBuffer.allocate(8192);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        while (true) {
            var result = decoder.decode(in, out, whole);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return !whole || !in.hasRemaining();
            }
            out.clear();
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
