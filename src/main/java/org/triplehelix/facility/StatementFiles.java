package org.triplehelix.facility;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A statement as a file: CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the
 * Chinese right; cells that would start a formula are prefixed with an apostrophe) or XLSX
 * (Apache POI; amounts as numbers with two decimals). Column titles in Chinese or English.
 */
public final class StatementFiles {

    private static final List<String> COLUMNS_ZH = List.of("预约号", "开始", "结束", "仪器编号", "仪器", "所属单位", "预约人",
            "预约人单位", "费率类别", "计费单位", "机时", "计费数量", "单价（元）", "金额（元）");
    private static final List<String> COLUMNS_EN = List.of("Booking", "Start", "End", "Instrument id", "Instrument", "Owner",
            "Booked by", "Booker's organization", "Rate class", "Unit", "Hours", "Quantity", "Unit rate (CNY)", "Amount (CNY)");

    private StatementFiles() {
    }

    public static byte[] csv(Statement statement, Locale locale) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            writer.write('\uFEFF');
            csv.printRecord(columns(locale));
            for (Statement.Line line : statement.lines()) {
                csv.printRecord(cells(line, locale));
            }
            csv.printRecord(totalRow(statement, locale));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] xlsx(Statement statement, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(statement.month().toString());
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(title(statement, locale));
            title.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(2);
            List<String> columns = columns(locale);
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i));
                header.getCell(i).setCellStyle(bold);
            }
            int rowIndex = 3;
            for (Statement.Line line : statement.lines()) {
                Row row = sheet.createRow(rowIndex++);
                List<String> cells = cells(line, locale);
                row.createCell(0).setCellValue(line.bookingId());
                for (int i = 1; i < 10; i++) {
                    row.createCell(i).setCellValue(cells.get(i));
                }
                number(row, 10, line.hours(), money);
                number(row, 11, line.quantity(), money);
                number(row, 12, line.unitRate(), money);
                number(row, 13, line.amount(), money);
            }
            Row total = sheet.createRow(rowIndex);
            total.createCell(0).setCellValue(locale.getLanguage().equals("en") ? "Total" : "合计");
            total.getCell(0).setCellStyle(bold);
            number(total, 10, statement.totalHours(), money);
            number(total, 13, statement.total(), money);
            for (int i = 0; i < columns.size(); i++) {
                sheet.setColumnWidth(i, 16 * 256);
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "2025年3月 使用费结算单：某单位" / "Statement for March 2025: Org". */
    public static String title(Statement statement, Locale locale) {
        boolean english = locale.getLanguage().equals("en");
        String name = statement.organizationName() == null ? statement.organization() : statement.organizationName().in(locale);
        String side = statement.side().equals("provider") ? (english ? " (services provided)" : "（对外服务）") : "";
        return english ? "Statement " + statement.month() + ": " + name + side
                : statement.month().getYear() + "年" + statement.month().getMonthValue() + "月 仪器使用费结算单：" + name + side;
    }

    public static String fileName(Statement statement, String extension) {
        return "statement-" + statement.organization().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + statement.month()
                + (statement.side().equals("provider") ? "-provider" : "") + "." + extension;
    }

    private static List<String> columns(Locale locale) {
        return locale.getLanguage().equals("en") ? COLUMNS_EN : COLUMNS_ZH;
    }

    private static List<String> cells(Statement.Line line, Locale locale) {
        boolean english = locale.getLanguage().equals("en");
        return List.of(String.valueOf(line.bookingId()), FacilityTime.dateTime(line.start()), FacilityTime.dateTime(line.end()),
                safe(line.facility()), safe(text(line.facilityName(), locale)), safe(text(line.ownerName(), locale)),
                safe(line.booker()), safe(text(line.bookerOrganization(), locale)),
                english ? line.rateClass().code() : line.rateClass() == RateClass.INTERNAL ? "内部" : "外部",
                english ? line.unit().code() : line.unit() == FeeUnit.HOUR ? "小时" : "样品",
                line.hours().toPlainString(), line.quantity().toPlainString(), line.unitRate().toPlainString(),
                line.amount().toPlainString());
    }

    private static List<String> totalRow(Statement statement, Locale locale) {
        return List.of(locale.getLanguage().equals("en") ? "Total" : "合计", "", "", "", "", "", "", "", "", "",
                statement.totalHours().toPlainString(), "", "", statement.total().toPlainString());
    }

    private static void number(Row row, int column, java.math.BigDecimal value, CellStyle style) {
        if (value != null) {
            row.createCell(column).setCellValue(value.doubleValue());
            row.getCell(column).setCellStyle(style);
        }
    }

    private static String text(org.triplehelix.shared.Text text, Locale locale) {
        return text == null ? "" : text.in(locale);
    }

    /** A cell that a spreadsheet would read as a formula gets an apostrophe in front. */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }
}
