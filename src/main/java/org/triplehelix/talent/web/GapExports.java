package org.triplehelix.talent.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.triplehelix.talent.TalentGap;

/** The gap table as CSV (UTF-8 with a byte order mark, for Excel) and XLSX, in Chinese or English. */
final class GapExports {

    private GapExports() {
    }

    static List<String> header(TalentGap.By by, boolean english) {
        String key = switch (by) {
            case GROUP -> english ? "industry group" : "产业类别";
            case INDUSTRY -> english ? "industry" : "产业";
            case PREFECTURE -> english ? "prefecture" : "市州";
        };
        return english ? List.of("code", key, "supply (graduates)", "need (headcount)", "gap (need − supply)", "supply records", "need records", "open demands")
                : List.of("代码", key, "供给（毕业生）", "需求（人数）", "缺口（需求 − 供给）", "供给记录数", "需求记录数", "开放技术需求");
    }

    static byte[] csv(List<TalentGap.GapRow> rows, TalentGap.By by, String lang) {
        boolean english = "en".equals(lang);
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header(by, english));
            for (TalentGap.GapRow row : rows) {
                printer.printRecord(row.key(), name(row, english), row.supply().toPlainString(), row.need().toPlainString(),
                        row.gap().toPlainString(), row.supplyRecords(), row.needRecords(), row.demands());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(List<TalentGap.GapRow> rows, TalentGap.GapRow total, TalentGap.By by, String lang) {
        boolean english = "en".equals(lang);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(english ? "Talent gap" : "人才缺口");
            Row head = sheet.createRow(0);
            List<String> header = header(by, english);
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(header.get(i));
            }
            int n = 1;
            for (TalentGap.GapRow row : rows) {
                write(sheet.createRow(n++), row, english);
            }
            write(sheet.createRow(n), total, english);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, TalentGap.GapRow gap, boolean english) {
        row.createCell(0).setCellValue(gap.key() == null ? "" : gap.key());
        row.createCell(1).setCellValue(name(gap, english));
        row.createCell(2).setCellValue(gap.supply().doubleValue());
        row.createCell(3).setCellValue(gap.need().doubleValue());
        row.createCell(4).setCellValue(gap.gap().doubleValue());
        row.createCell(5).setCellValue(gap.supplyRecords());
        row.createCell(6).setCellValue(gap.needRecords());
        row.createCell(7).setCellValue(gap.demands());
    }

    private static String name(TalentGap.GapRow row, boolean english) {
        return row.name() == null ? "" : english ? (row.name().en() != null ? row.name().en() : row.name().zh())
                : (row.name().zh() != null ? row.name().zh() : row.name().en());
    }
}
